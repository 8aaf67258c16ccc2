const express = require('express');
const session = require('express-session');
const lusca = require('lusca');
const rateLimit = require('express-rate-limit');
const bcrypt = require('bcrypt');
const sqlite3 = require('sqlite3');

const app = express();
const db = new sqlite3.Database('users.db');

app.use(express.urlencoded({ extended: false }));
app.use(
  session({
    secret: process.env.SESSION_SECRET,
    resave: false,
    saveUninitialized: false,
    cookie: { secure: true, httpOnly: true, sameSite: 'lax' },
  })
);
app.use(lusca.csrf());

const loginLimiter = rateLimit({ windowMs: 15 * 60 * 1000, max: 10 });

// middleware: send the visitor to the login page unless they are logged in
function ensureLoggedIn(req, res, next) {
  if (!req.session.username) {
    return res.redirect('/login');
  }
  next();
}

app.get('/login', (req, res) => {
  res.send(
    '<form method="post" action="/login">' +
      `<input type="hidden" name="_csrf" value="${res.locals._csrf}">` +
      '<input name="username"> <input type="password" name="password">' +
      '<button type="submit">Log in</button></form>'
  );
});

app.post('/login', loginLimiter, (req, res) => {
  const { username, password } = req.body;
  if (typeof username !== 'string' || typeof password !== 'string') {
    return res.status(400).send('Bad request');
  }
  db.get('SELECT password_hash FROM users WHERE username = ?', [username], async (err, row) => {
    if (err || !row || !(await bcrypt.compare(password, row.password_hash))) {
      return res.status(401).send('Invalid username or password');
    }
    req.session.regenerate((regenErr) => {
      if (regenErr) {
        return res.status(500).send('Login failed');
      }
      req.session.username = username;
      res.redirect('/');
    });
  });
});

// user settings page: show the logged-in user's settings and save changed settings (e-mail address)
const escapeHtml = require('escape-html');

app.get('/settings', ensureLoggedIn, (req, res) => {
  res.send(`<h1>Settings for ${escapeHtml(req.session.username)}</h1><p>Change your email address and password here.</p>`);
});

app.listen(3000);
