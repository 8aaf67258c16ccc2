const express = require('express');
const sqlite3 = require('sqlite3');
const crypto = require('crypto');
const argon2 = require('argon2');
const { promisify } = require('util');
const rateLimit = require('express-rate-limit');

const app = express();
app.use(express.urlencoded({ extended: false }));
const db = new sqlite3.Database('users.db');
const run = promisify(db.run.bind(db));
const limiter = rateLimit({ windowMs: 60 * 1000, max: 5 });

// register a new user: store the username and password in the database
app.post('/register', limiter, async (req, res) => {
  const { username, password } = req.body;
  if (typeof username !== 'string' || typeof password !== 'string') {
    return res.status(400).send('Invalid input');
  }
  try {
    const passwordHash = await argon2.hash(password, { type: argon2.argon2id });
    await run('INSERT INTO users (username, password_hash) VALUES (?, ?)', [username, passwordHash]);
    res.status(201).send('Account created');
  } catch (err) {
    res.status(500).send('Could not create account');
  }
});

app.listen(3000);
