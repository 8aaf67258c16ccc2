// hardgen-expect: js/clear-text-cookie
// hardgen-near-miss: js/missing-token-validation
const express = require('express');
const session = require('express-session');

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));

// Safe methods only: reading the session cannot be forged into a state change.
app.get('/me', (req, res) => {
  if (!req.session.userId) return res.sendStatus(401);
  res.json({ id: req.session.userId });
});

app.listen(3000);
