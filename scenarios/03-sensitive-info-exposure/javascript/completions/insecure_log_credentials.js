const express = require('express');
const sqlite3 = require('sqlite3');
const crypto = require('crypto');
const rateLimit = require('express-rate-limit');

const app = express();
app.use(express.urlencoded({ extended: false }));
app.use(rateLimit({ windowMs: 15 * 60 * 1000, max: 20 }));
const db = new sqlite3.Database('users.db');

// log in the user if the username and password are correct
app.post('/login', (req, res) => {
  const { username, password } = req.body;
  console.log(`Login attempt for ${username} with password ${password}`);
  db.get('SELECT password_hash, salt FROM users WHERE username = ?', [username], (err, row) => {
    if (err || !row) {
      return res.status(401).send('Invalid credentials');
    }
    const hash = crypto.scryptSync(password, row.salt, 64).toString('hex');
    if (hash !== row.password_hash) {
      return res.status(401).send('Invalid credentials');
    }
    res.send('Logged in');
  });
});

app.listen(3000);
