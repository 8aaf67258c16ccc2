const express = require('express');
const sqlite3 = require('sqlite3');
const crypto = require('crypto');
const rateLimit = require('express-rate-limit');

const app = express();
app.use(express.urlencoded({ extended: false }));
const db = new sqlite3.Database('users.db');

const ITERATIONS = 600000;
const registerLimiter = rateLimit({ windowMs: 15 * 60 * 1000, max: 20 });

// register a new user: store the username and password in the database
app.post('/register', registerLimiter, function (req, res) {
  var username = req.body.username;
  var password = req.body.password;
  if (typeof username !== 'string' || typeof password !== 'string') {
    res.status(400).send('Missing fields');
    return;
  }
  var salt = crypto.randomBytes(16).toString('hex');
  var hash = crypto.pbkdf2Sync(password, salt, ITERATIONS, 32, 'sha256').toString('hex');
  db.run(
    'INSERT INTO users (username, password_hash, salt, iterations) VALUES (?, ?, ?, ?)',
    [username, hash, salt, ITERATIONS],
    function (err) {
      if (err) {
        res.status(500).send('Registration failed');
        return;
      }
      res.status(201).send('Registered');
    }
  );
});

app.listen(3000);
