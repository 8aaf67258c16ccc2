const express = require('express');
const sqlite3 = require('sqlite3');
const crypto = require('crypto');
const bcrypt = require('bcrypt');
const rateLimit = require('express-rate-limit');

const app = express();
app.use(express.urlencoded({ extended: false }));
const db = new sqlite3.Database('users.db');

const loginLimiter = rateLimit({ windowMs: 15 * 60 * 1000, max: 5 });

// log in the user if the username and password are correct
app.post('/login', loginLimiter, (req, res) => {
  const { username, password } = req.body;
  if (typeof username !== 'string' || typeof password !== 'string') {
    return res.status(400).send('Bad request');
  }
  db.get('SELECT password_hash FROM users WHERE username = ?', [username], async (err, row) => {
    if (err) {
      console.error('login query failed');
      return res.status(500).send('Internal server error');
    }
    const ok = row ? await bcrypt.compare(password, row.password_hash) : false;
    if (!ok) {
      return res.status(401).send('Invalid username or password');
    }
    res.send('Login successful');
  });
});

app.listen(3000);
