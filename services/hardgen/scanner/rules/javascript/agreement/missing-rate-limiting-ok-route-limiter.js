// hardgen-expect: none
// hardgen-near-miss: js/missing-rate-limiting
const express = require('express');
const sqlite3 = require('sqlite3').verbose();
const rateLimit = require('express-rate-limit');

const app = express();
const db = new sqlite3.Database('./app.db');
const listLimiter = rateLimit({ windowMs: 60 * 1000, max: 20 });

app.get('/users', listLimiter, (req, res) => {
  db.all('SELECT id, name FROM users ORDER BY name', (err, rows) => {
    if (err) return res.status(500).json({ error: 'Database error' });
    res.json(rows);
  });
});

app.listen(3000);
