const express = require('express');
const session = require('express-session');

const app = express();

// ruleid: js-clear-text-cookie
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));

// ruleid: js-clear-text-cookie
app.use(session({ secret: process.env.SESSION_SECRET, cookie: { secure: false, httpOnly: true } }));

// ok: js-clear-text-cookie
app.use(session({ secret: process.env.SESSION_SECRET, cookie: { secure: true, httpOnly: true, sameSite: 'lax' } }));

app.get('/login', (req, res) => {
  // ruleid: js-clear-text-cookie
  res.cookie('session_token', createToken());
  // ruleid: js-clear-text-cookie
  res.cookie('auth', createToken(), { httpOnly: true });
  // ok: js-clear-text-cookie
  res.cookie('sid', createToken(), { secure: true, httpOnly: true });
  // ok: js-clear-text-cookie
  res.cookie('theme', 'dark');
  res.end();
});
