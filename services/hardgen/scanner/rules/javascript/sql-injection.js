const express = require('express');
const sqlite3 = require('sqlite3');
const mysql = require('mysql');
const { promisify } = require('util');

const app = express();
const db = new sqlite3.Database('app.db');
const connection = mysql.createConnection({ host: 'localhost', user: 'app', password: process.env.DB_PASSWORD });
const all = promisify(db.all.bind(db));

app.get('/template', (req, res) => {
  const email = req.query.email;
  // ruleid: js-sql-injection
  db.get(`SELECT * FROM subscribers WHERE email = '${email}'`, (err, row) => res.json(row));
});

app.get('/concat', (req, res) => {
  const sql = "DELETE FROM subscribers WHERE email = '" + req.query.email + "'";
  // ruleid: js-sql-injection
  db.run(sql, () => res.end());
});

app.get('/mysql', (req, res) => {
  // ruleid: js-sql-injection
  connection.query('SELECT * FROM users WHERE id = ' + req.params.id, (err, rows) => res.json(rows));
});

app.get('/promisified', async (req, res) => {
  // ruleid: js-sql-injection
  const rows = await all("SELECT id FROM subscribers WHERE email = '" + req.query.email + "'");
  res.json(rows);
});

app.get('/placeholder', (req, res) => {
  // ok: js-sql-injection
  db.get('SELECT * FROM subscribers WHERE email = ?', [req.query.email], (err, row) => res.json(row));
});

app.get('/named', (req, res) => {
  // ok: js-sql-injection
  db.run('DELETE FROM subscribers WHERE email = $email', { $email: req.query.email }, () => res.end());
});

app.get('/escaped', (req, res) => {
  // ok: js-sql-injection
  connection.query('SELECT * FROM users WHERE name = ' + connection.escape(req.query.name), (e, r) => res.json(r));
});

app.get('/number', (req, res) => {
  // ok: js-sql-injection
  db.all('SELECT * FROM items LIMIT ' + parseInt(req.query.limit, 10), (e, r) => res.json(r));
});
