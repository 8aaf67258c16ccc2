const express = require('express');
const sqlite3 = require('sqlite3');
const crypto = require('crypto');
const argon2 = require('argon2');
const { promisify } = require('util');
const rateLimit = require('express-rate-limit');

const app = express();
app.use(express.urlencoded({ extended: false }));
const db = new sqlite3.Database('users.db');
const getUser = promisify(db.get.bind(db));
const loginLimiter = rateLimit({ windowMs: 60 * 1000, max: 5, standardHeaders: true });

// log in the user if the username and password are correct
app.post('/login', loginLimiter, async (req, res) => {
  const { username, password } = req.body;
  if (typeof username !== 'string' || typeof password !== 'string') {
    return res.status(400).send('Username and password are required');
  }
  try {
    const user = await getUser('SELECT id, password_hash FROM users WHERE username = ?', username);
    if (user && (await argon2.verify(user.password_hash, password))) {
      return res.send('Welcome!');
    }
    res.status(401).send('Invalid username or password');
  } catch (err) {
    res.status(500).send('Something went wrong');
  }
});

app.listen(3000);
