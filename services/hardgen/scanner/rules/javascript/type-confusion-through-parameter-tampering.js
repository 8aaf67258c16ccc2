const express = require('express');
const path = require('path');

const app = express();
app.use(express.json());

app.get('/a', (req, res) => {
  const file = req.query.file;
  // ruleid: js-type-confusion-through-parameter-tampering
  if (file.includes('..')) {
    return res.sendStatus(400);
  }
  res.end();
});

app.get('/b', (req, res) => {
  const { email } = req.query;
  // ruleid: js-type-confusion-through-parameter-tampering
  if (!email || email.length > 254) {
    return res.sendStatus(400);
  }
  res.end();
});

app.post('/c', (req, res) => {
  // ruleid: js-type-confusion-through-parameter-tampering
  if (req.body.name.indexOf('<') !== -1) {
    return res.sendStatus(400);
  }
  res.end();
});

app.get('/d', (req, res) => {
  const file = req.query.file;
  if (typeof file !== 'string') {
    return res.sendStatus(400);
  }
  // ok: js-type-confusion-through-parameter-tampering
  if (file.includes('..')) {
    return res.sendStatus(400);
  }
  res.end();
});

app.get('/e', (req, res) => {
  const { user, pass } = req.query;
  // ok: js-type-confusion-through-parameter-tampering
  if (typeof user !== 'string' || typeof pass !== 'string' || pass.length < 8) {
    return res.sendStatus(400);
  }
  res.end();
});

app.get('/g', (req, res) => {
  const q = req.query.q;
  // ok: js-type-confusion-through-parameter-tampering
  if (!q || q.length === 0 || q.indexOf('/') === 0) {
    return res.sendStatus(400);
  }
  res.end();
});

app.post('/h', (req, res) => {
  const { username, password } = req.body;
  if (typeof username !== 'string' || typeof password !== 'string') {
    return res.status(400).json({ error: 'invalid input' });
  }
  // ok: js-type-confusion-through-parameter-tampering
  if (password.length < 8) {
    return res.status(400).json({ error: 'password too short' });
  }
  res.end();
});

app.get('/f', (req, res) => {
  const name = String(req.query.name);
  // ok: js-type-confusion-through-parameter-tampering
  const base = path.basename(req.query.file);
  // ok: js-type-confusion-through-parameter-tampering
  res.json({ n: name.length, b: base.length, p: req.params.id.length });
});
