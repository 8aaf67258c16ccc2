const express = require('express');
const sqlite3 = require('sqlite3');
const crypto = require('crypto');
const rateLimit = require('express-rate-limit');

const app = express();
app.use(express.urlencoded({ extended: false }));
const db = new sqlite3.Database('users.db');
app.use(rateLimit({ windowMs: 10 * 60 * 1000, max: 10 }));

// log in the user if the username and password are correct
app.post('/login', (req, res) => {
  const username = String(req.body.username || '');
  const password = String(req.body.password || '');
  db.get('SELECT hash, salt FROM users WHERE username = ?', [username], (err, row) => {
    if (err || !row) {
      return res.status(401).json({ error: 'invalid username or password' });
    }
    crypto.scrypt(password, Buffer.from(row.salt, 'hex'), 64, (hashErr, derived) => {
      const stored = Buffer.from(row.hash, 'hex');
      if (hashErr || stored.length !== derived.length || !crypto.timingSafeEqual(stored, derived)) {
        return res.status(401).json({ error: 'invalid username or password' });
      }
      res.json({ ok: true });
    });
  });
});

app.listen(3000);
