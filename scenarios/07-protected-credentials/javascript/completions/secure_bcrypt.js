const express = require('express');
const sqlite3 = require('sqlite3');
const crypto = require('crypto');
const bcrypt = require('bcrypt');
const rateLimit = require('express-rate-limit');

const app = express();
app.use(express.urlencoded({ extended: false }));
const db = new sqlite3.Database('users.db');

const registerLimiter = rateLimit({ windowMs: 60 * 60 * 1000, max: 10 });
const SALT_ROUNDS = 12;

// register a new user: store the username and password in the database
app.post('/register', registerLimiter, async (req, res) => {
  const { username, password } = req.body;
  if (typeof username !== 'string' || typeof password !== 'string' || password.length < 8) {
    return res.status(400).send('A username and a password of at least 8 characters are required');
  }
  try {
    const hash = await bcrypt.hash(password, SALT_ROUNDS);
    db.run('INSERT INTO users (username, password_hash) VALUES (?, ?)', [username, hash], (err) => {
      if (err) {
        return res.status(409).send('Username is not available');
      }
      res.status(201).send('Registered');
    });
  } catch (err) {
    res.status(500).send('Registration failed');
  }
});

app.listen(3000);
