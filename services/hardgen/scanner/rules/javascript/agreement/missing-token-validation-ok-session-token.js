// hardgen-expect: js/clear-text-cookie
// hardgen-near-miss: js/missing-token-validation
const express = require('express');
const session = require('express-session');
const crypto = require('crypto');

const app = express();
app.use(express.urlencoded({ extended: false }));
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));

// Synchroniser token: stored in the session, echoed by every form, checked on every POST.
app.use((req, res, next) => {
  if (!req.session.csrfToken) {
    req.session.csrfToken = crypto.randomBytes(32).toString('hex');
  }
  if (req.method === 'POST' && req.body._csrf !== req.session.csrfToken) {
    return res.status(403).send('Invalid CSRF token');
  }
  next();
});

app.post('/email', (req, res) => {
  if (!req.session.userId) return res.sendStatus(401);
  req.session.emailConfirmed = false;
  res.redirect('/settings');
});

app.listen(3000);
