const express = require('express');
const axios = require('axios');
const https = require('https');

const app = express();

app.get('/proxy', async (req, res) => {
  // ruleid: js-request-forgery
  const response = await axios.get(req.query.url);
  res.json(response.data);
});

app.get('/fetch', async (req, res) => {
  const target = 'http://' + req.query.host + '/status';
  // ruleid: js-request-forgery
  const response = await fetch(target);
  res.json(await response.json());
});

app.get('/https', (req, res) => {
  // ruleid: js-request-forgery
  https.get(req.body.webhook, (r) => r.pipe(res));
});

app.get('/path-only', async (req, res) => {
  // ok: js-request-forgery
  const response = await axios.get('https://api.example.com/users/' + req.params.id);
  res.json(response.data);
});

app.get('/fixed', async (req, res) => {
  // ok: js-request-forgery
  const response = await fetch('https://api.example.com/health');
  res.json(await response.json());
});
