const express = require('express');
const sqlite3 = require('sqlite3');
const crypto = require('crypto');
const session = require('express-session');
const lusca = require('lusca');
const bcrypt = require('bcrypt');
const rateLimit = require('express-rate-limit');

const app = express();
app.use(express.urlencoded({ extended: false }));
app.use(
  session({
    secret: process.env.SESSION_SECRET,
    resave: false,
    saveUninitialized: false,
    cookie: { secure: true, httpOnly: true, sameSite: 'strict', maxAge: 60 * 60 * 1000 },
  })
);
app.use(lusca.csrf());
const db = new sqlite3.Database('users.db');
const loginLimiter = rateLimit({ windowMs: 15 * 60 * 1000, max: 10 });

// log in the user if the username and password are correct
app.post('/login', loginLimiter, (req, res) => {
  const username = typeof req.body.username === 'string' ? req.body.username : '';
  const password = typeof req.body.password === 'string' ? req.body.password : '';
  db.get('SELECT id, password_hash FROM users WHERE username = ?', [username], (err, user) => {
    if (err || !user || !bcrypt.compareSync(password, user.password_hash)) {
      return res.status(401).send('Invalid username or password');
    }
    req.session.regenerate((sessionErr) => {
      if (sessionErr) {
        return res.status(500).send('Could not log you in');
      }
      req.session.userId = user.id;
      res.redirect('/');
    });
  });
});

app.listen(3000);
