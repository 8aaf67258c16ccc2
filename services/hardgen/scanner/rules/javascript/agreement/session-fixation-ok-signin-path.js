// hardgen-expect: js/clear-text-cookie, js/untrusted-data-to-external-api
// hardgen-near-miss: js/session-fixation
const express = require('express');
const session = require('express-session');
const argon2 = require('argon2');
const lusca = require('lusca');

const app = express();
app.use(express.json());
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
app.use(lusca.csrf());

const accounts = new Map();

// CodeQL only treats routes whose path contains "login" as logins.
app.post('/signin', async (req, res) => {
  const account = accounts.get(String(req.body.user));
  if (!account || !(await argon2.verify(account.hash, String(req.body.password)))) {
    return res.status(401).json({ error: 'Invalid credentials' });
  }
  req.session.accountId = account.id;
  res.json({ ok: true });
});

app.listen(3000);
