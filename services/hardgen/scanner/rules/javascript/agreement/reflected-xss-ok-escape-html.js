// hardgen-expect: js/untrusted-data-to-external-api
// hardgen-near-miss: js/reflected-xss
const express = require('express');
const escapeHtml = require('escape-html');

const app = express();

app.get('/hello', (req, res) => {
  const name = escapeHtml(req.query.name || 'stranger');
  res.send(`<h1>Hello, ${name}!</h1>`);
});

app.listen(3000);
