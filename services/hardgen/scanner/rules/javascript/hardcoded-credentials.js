const express = require('express');
const mysql = require('mysql');
const jwt = require('jsonwebtoken');
const session = require('express-session');
const cookieParser = require('cookie-parser');
const crypto = require('crypto');
const { Pool } = require('pg');

const app = express();

const JWT_SECRET = process.env.JWT_SECRET || 'super-secret-jwt-key';
const DB_PASSWORD = 'Xk9#mQ2v!Lr7';

// ruleid: js-hardcoded-credentials
const connection = mysql.createConnection({ host: 'localhost', user: 'root', password: '' });
// ruleid: js-hardcoded-credentials
const other = mysql.createConnection({ host: 'localhost', user: process.env.DB_USER, password: DB_PASSWORD });
// ok: js-hardcoded-credentials
const pool = mysql.createPool({ host: 'localhost', user: process.env.DB_USER, password: process.env.DB_PASSWORD });
// placeholder passwords are CodeQL's dummy passwords
// ok: js-hardcoded-credentials
const pg = new Pool({ host: 'localhost', user: process.env.PGUSER, password: 'password123' });

const dbConfig = { host: 'localhost', user: 'app_user', password: process.env.DB_PASSWORD };
// ruleid: js-hardcoded-credentials
const viaConfig = mysql.createPool(dbConfig);

// ruleid: js-hardcoded-credentials
app.use(session({ secret: 'keyboard cat', resave: false, saveUninitialized: false }));
// ruleid: js-hardcoded-credentials
app.use(session({ secret: process.env.SESSION_SECRET || 'your-secret-key', resave: false }));
// ok: js-hardcoded-credentials
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
// ok: js-hardcoded-credentials
app.use(session({ secret: '<your session secret>', resave: false }));
// ruleid: js-hardcoded-credentials
app.use(cookieParser('cookie-signing-secret'));

app.post('/login', (req, res) => {
  // ruleid: js-hardcoded-credentials
  const token = jwt.sign({ user: req.body.username }, JWT_SECRET, { expiresIn: '1h' });
  // ruleid: js-hardcoded-credentials
  const mac = crypto.createHmac('sha256', 'hmac-key-2024').update(token).digest('hex');
  res.json({ token, mac });
});

app.get('/token', (req, res) => {
  // ruleid: js-hardcoded-credentials
  const claims = jwt.verify(req.query.token, 'h8Gk2#pQz7');
  // ok: js-hardcoded-credentials
  const verified = jwt.verify(req.query.token, process.env.JWT_SECRET);
  res.json({ claims, verified });
});

app.get('/check', (req, res) => {
  // a password compared with a literal is no CodeQL credentials sink
  // ok: js-hardcoded-credentials
  res.send(String(req.query.password === 'Mod3r@tor!9'));
});
