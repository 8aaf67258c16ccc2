const express = require('express');
const ping = require('ping');
const validator = require('validator');
const escapeHtml = require('escape-html');
const bcrypt = require('bcrypt');
const sqlite3 = require('sqlite3');
const path = require('path');
const { exec } = require('child_process');
import yaml from 'js-yaml';

const app = express();
const db = new sqlite3.Database('app.db');

app.get('/ping', async (req, res) => {
  // ruleid: js-untrusted-data-to-external-api
  await ping.promise.probe(req.query.host, { timeout: 5 });
  res.json({ queued: true });
});

app.get('/email', (req, res) => {
  const email = req.query.email;
  // ruleid: js-untrusted-data-to-external-api
  if (!validator.isEmail(email)) return res.status(400).end();
  res.json({ valid: true });
});

app.get('/hello', (req, res) => {
  // ruleid: js-untrusted-data-to-external-api
  res.send('Hello ' + req.query.name);
});

app.get('/status', (req, res) => {
  // ruleid: js-untrusted-data-to-external-api
  res.status(400).json({ error: `unknown id ${req.params.id}` });
});

app.post('/login', async (req, res) => {
  // ruleid: js-untrusted-data-to-external-api
  if (!(await bcrypt.compare(req.body.password, 'hash'))) return res.sendStatus(401);
  // ruleid: js-untrusted-data-to-external-api
  const safe = escapeHtml(req.body.user);
  res.json({ ok: true, size: safe.length });
});

app.get('/user', (req, res) => {
  // ruleid: js-untrusted-data-to-external-api
  db.get('SELECT * FROM users WHERE email = ?', [req.query.email], (err, row) => {
    res.json({ found: !!row });
  });
});

app.get('/file', (req, res) => {
  const file = path.join(__dirname, 'files', req.query.name);
  // ruleid: js-untrusted-data-to-external-api
  res.sendFile(file);
});

app.get('/yaml', (req, res) => {
  // ruleid: js-untrusted-data-to-external-api
  const doc = yaml.load(req.query.payload);
  res.json({ ok: doc !== null });
});

app.get('/run', (req, res) => {
  // ruleid: js-untrusted-data-to-external-api
  exec('ls ' + req.query.dir, (err, out) => res.json({ ok: !err }));
});

app.get('/ok', async (req, res) => {
  // ok: js-untrusted-data-to-external-api
  const result = await ping.promise.probe('example.com');
  const name = req.query.name || '';
  // ok: js-untrusted-data-to-external-api
  const upper = name.replace(/[^a-z]/g, '');
  // ok: js-untrusted-data-to-external-api
  const n = parseInt(req.query.n, 10);
  // ok: js-untrusted-data-to-external-api
  console.log('lookup', req.query.name);
  // ok: js-untrusted-data-to-external-api
  const joined = path.join('/srv', req.query.name);
  // ok: js-untrusted-data-to-external-api
  const known = ['a', 'b'].includes(req.query.name);
  // ok: js-untrusted-data-to-external-api
  res.json({ alive: result.alive, n, known, size: upper.length, exists: req.query.name === 'x' });
});
