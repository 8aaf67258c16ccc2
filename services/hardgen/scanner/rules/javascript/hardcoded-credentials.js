const express = require('express');
const mysql = require('mysql');
const jwt = require('jsonwebtoken');
const session = require('express-session');

const app = express();

const MOD_PASSWORD = 'm0d3r4t0r#2024';

// ruleid: js-hardcoded-credentials
const connection = mysql.createConnection({ host: 'localhost', user: 'root', password: 'Xk9#mQ2v!Lr7' });
// ok: js-hardcoded-credentials
const pool = mysql.createPool({ host: 'localhost', user: 'app', password: process.env.DB_PASSWORD });

// ruleid: js-hardcoded-credentials
app.use(session({ secret: 'keyboard cat', resave: false, saveUninitialized: false }));
// ok: js-hardcoded-credentials
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));

app.get('/check_mod', (req, res) => {
  const { username, password } = req.query;
  // ruleid: js-hardcoded-credentials
  if (username === 'admin' && password === 'Mod3r@tor!9') {
    return res.send('true');
  }
  // ruleid: js-hardcoded-credentials
  res.send(String(password === MOD_PASSWORD));
});

app.get('/map', (req, res) => {
  const moderators = { alice: 'Wq7!zT4m', bob: 'hunter2' };
  // ruleid: js-hardcoded-credentials
  res.send(String(moderators[req.query.username] === req.query.password));
});

app.get('/token', (req, res) => {
  // ruleid: js-hardcoded-credentials
  const claims = jwt.verify(req.query.token, 'h8Gk2#pQz7');
  // ok: js-hardcoded-credentials
  const verified = jwt.verify(req.query.token, process.env.JWT_SECRET);
  res.json({ claims, verified });
});

app.get('/ok', (req, res) => {
  const password = req.query.password;
  // ok: js-hardcoded-credentials
  if (password === '') {
    return res.status(400).send('empty');
  }
  // placeholder values are not reported (CodeQL's isDummyPassword)
  // ok: js-hardcoded-credentials
  if (password === 'changeme') {
    return res.status(400).send('placeholder');
  }
  // ok: js-hardcoded-credentials
  if (req.query.role === 'moderator') {
    return res.send('role');
  }
  // ok: js-hardcoded-credentials
  res.send(String(password === process.env.MOD_PASSWORD));
});
