// hardgen-expect: none
// hardgen-near-miss: js/hardcoded-credentials
const express = require('express');
const rateLimit = require('express-rate-limit');
const mysql = require('mysql2');

const app = express();
app.use(rateLimit({ windowMs: 15 * 60 * 1000, max: 200 }));

// Local development defaults; production sets DB_USER / DB_PASSWORD.
const pool = mysql.createPool({
  host: process.env.DB_HOST || 'localhost',
  user: process.env.DB_USER,
  password: process.env.DB_PASSWORD || 'changeme',
  database: 'blog',
});

app.get('/posts', (req, res) => {
  pool.query('SELECT id, title FROM posts ORDER BY id DESC LIMIT 20', (err, rows) => {
    if (err) return res.status(500).json({ error: 'Could not load posts' });
    res.json(rows);
  });
});

app.listen(3000);
