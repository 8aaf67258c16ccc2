const express = require('express');
const session = require('express-session');
const cookieParser = require('cookie-parser');

const app = express();
app.use(express.urlencoded({ extended: false }));
app.use(
  // ruleid: js-missing-token-validation
  session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false, cookie: { secure: true } })
);

app.get('/profile', (req, res) => {
  res.send('profile of ' + req.session.username);
});

app.post('/settings', (req, res) => {
  req.session.email = req.body.email;
  res.redirect('/settings');
});

// only safe methods use the session, and logging out needs no token
const readOnly = express();
// ok: js-missing-token-validation
readOnly.use(session({ secret: process.env.SESSION_SECRET, cookie: { secure: true } }));

readOnly.get('/settings', (req, res) => {
  res.send('hello ' + req.session.username);
});

readOnly.post('/logout', (req, res) => {
  req.session.destroy(() => res.redirect('/'));
});

// cookies are parsed, but the POST handler does not use them
const api = express();
// ok: js-missing-token-validation
api.use(cookieParser());

api.post('/echo', (req, res) => {
  res.json({ received: true });
});
