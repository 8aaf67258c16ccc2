const express = require('express');
const sqlite3 = require('sqlite3');
const bcrypt = require('bcrypt');
const crypto = require('crypto');

const app = express();
const db = new sqlite3.Database('users.db');

app.post('/register', (req, res) => {
  const { username, password } = req.body;
  // ruleid: js-hardgen-cleartext-password-storage
  db.run('INSERT INTO users (username, password) VALUES (?, ?)', [username, password], () => res.end());
});

app.post('/change', (req, res) => {
  // ruleid: js-hardgen-cleartext-password-storage
  db.run(`UPDATE users SET password = '${req.body.newPassword}' WHERE id = 1`, () => res.end());
});

app.post('/register-bcrypt', async (req, res) => {
  const { username, password } = req.body;
  const hash = await bcrypt.hash(password, 12);
  // ok: js-hardgen-cleartext-password-storage
  db.run('INSERT INTO users (username, password_hash) VALUES (?, ?)', [username, hash], () => res.end());
});

app.post('/register-scrypt', (req, res) => {
  const salt = crypto.randomBytes(16).toString('hex');
  const key = crypto.scryptSync(req.body.password, salt, 64).toString('hex');
  // ok: js-hardgen-cleartext-password-storage
  db.run('INSERT INTO users (username, password_hash, salt) VALUES (?, ?, ?)', [req.body.username, key, salt]);
  res.end();
});

app.post('/memory', (req, res) => {
  const { username, password } = req.body;
  // ruleid: js-hardgen-cleartext-password-storage
  users.push({ username, password });
  res.end();
});

app.post('/orm', async (req, res) => {
  // ruleid: js-hardgen-cleartext-password-storage
  await User.create({ username: req.body.username, password: req.body.password });
  const hashedPassword = await bcrypt.hash(req.body.password, 12);
  // ok: js-hardgen-cleartext-password-storage
  await User.create({ username: req.body.username, password: hashedPassword });
  // ok: js-hardgen-cleartext-password-storage
  const sequelize = new Sequelize({ username: 'app', password: process.env.DB_PASSWORD });
  res.end();
});

app.post('/other', (req, res) => {
  // ok: js-hardgen-cleartext-password-storage
  db.run('INSERT INTO notes (body) VALUES (?)', [req.body.note], () => res.end());
});
