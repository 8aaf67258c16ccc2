const express = require('express');
const escapeHtml = require('escape-html');
const he = require('he');
const fs = require('fs');

const app = express();

app.get('/hello/:username', (req, res) => {
  // ruleid: js-reflected-xss
  res.send(`<h1>Hello, ${req.params.username}!</h1>`);
});

app.get('/write', (req, res) => {
  const name = decodeURIComponent(req.query.name);
  // ruleid: js-reflected-xss
  res.write('<p>Hello ' + name + '</p>');
  res.end();
});

app.get('/status', (req, res) => {
  // ruleid: js-reflected-xss
  res.status(404).send('No such page: ' + req.query.page);
});

app.get('/end', (req, res) => {
  res.set('Content-Type', 'text/html');
  // ruleid: js-reflected-xss
  res.end(`<p>${req.headers['user-agent']}</p>`);
});

app.get('/escaped', (req, res) => {
  // ok: js-reflected-xss
  res.send(`<h1>Hello, ${escapeHtml(req.params.username)}!</h1>`);
});

app.get('/he', (req, res) => {
  const safe = he.encode(req.query.name);
  // ok: js-reflected-xss
  res.send('<p>' + safe + '</p>');
});

app.get('/plain', (req, res) => {
  // ok: js-reflected-xss
  res.type('text/plain').send(`Hello, ${req.params.username}!`);
});

app.get('/plain2', (req, res) => {
  res.set('Content-Type', 'text/plain; charset=utf-8');
  // ok: js-reflected-xss
  res.send(req.query.name);
});

app.get('/json', (req, res) => {
  // ok: js-reflected-xss
  res.json({ message: `Hello, ${req.params.username}!` });
});

app.get('/boolean', (req, res) => {
  // ok: js-reflected-xss
  res.send(String(req.query.name === 'admin'));
});

app.get('/file', (req, res) => {
  const data = fs.readFileSync('static/' + 'index.html');
  // ok: js-reflected-xss
  res.send(data);
});

const db = { get: async (sql, params) => ({ name: String(params.length) }) };

app.get('/user', async (req, res) => {
  // what a database call returns is not request data (no taint step in CodeQL)
  const row = await db.get('SELECT name FROM users WHERE id = ?', [req.query.id]);
  // ok: js-reflected-xss
  res.send(`<h1>${row.name}</h1>`);
});
