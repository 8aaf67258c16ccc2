const express = require('express');
const sqlite3 = require('sqlite3');
const crypto = require('crypto');
const rateLimit = require('express-rate-limit');

const app = express();
app.use(express.urlencoded({ extended: false }));
const db = new sqlite3.Database('users.db');
app.use(rateLimit({ windowMs: 15 * 60 * 1000, max: 50 }));

// register a new user: store the username and password in the database
app.post('/register', (req, res) => {
  const username = String(req.body.username || '').trim();
  const password = String(req.body.password || '');
  if (!username || password.length < 12) {
    return res.status(400).json({ error: 'invalid username or password' });
  }
  const salt = crypto.randomBytes(16);
  crypto.scrypt(password, salt, 64, (err, derivedKey) => {
    if (err) {
      return res.status(500).json({ error: 'internal error' });
    }
    db.run(
      'INSERT INTO users (username, password_hash, salt) VALUES (?, ?, ?)',
      [username, derivedKey.toString('hex'), salt.toString('hex')],
      (dbErr) => {
        if (dbErr) {
          return res.status(409).json({ error: 'username taken' });
        }
        res.status(201).json({ ok: true });
      }
    );
  });
});

app.listen(3000);
