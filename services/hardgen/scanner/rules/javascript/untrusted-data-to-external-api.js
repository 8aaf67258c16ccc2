const express = require('express');
const ping = require('ping');
const validator = require('validator');
const escapeHtml = require('escape-html');
const bcrypt = require('bcrypt');

const app = express();

app.get('/ping', async (req, res) => {
  // ruleid: js-untrusted-data-to-external-api
  const result = await ping.promise.probe(req.query.host, { timeout: 5 });
  res.json({ alive: result.alive });
});

app.get('/email', (req, res) => {
  const email = req.query.email;
  // ruleid: js-untrusted-data-to-external-api
  res.json({ valid: validator.isEmail(email) });
});

app.get('/ok', async (req, res) => {
  // ok: js-untrusted-data-to-external-api
  const result = await ping.promise.probe('example.com');
  // ok: js-untrusted-data-to-external-api
  const safe = escapeHtml(req.query.name);
  // ok: js-untrusted-data-to-external-api
  const match = await bcrypt.compare(req.body.password, 'hash');
  // ok: js-untrusted-data-to-external-api
  const valid = validator.isInt(String(parseInt(req.query.n, 10)));
  res.json({ alive: result.alive, safe, match, valid });
});
