// hardgen-expect: js/clear-text-cookie
// hardgen-near-miss: js/hardcoded-credentials
const express = require('express');
const session = require('express-session');
const jwt = require('jsonwebtoken');

const app = express();

app.use(session({
  secret: process.env.SESSION_SECRET,
  resave: false,
  saveUninitialized: false,
}));

app.get('/token/guest', (req, res) => {
  const token = jwt.sign({ role: 'guest' }, process.env.JWT_SECRET, { expiresIn: '15m' });
  res.json({ token });
});

app.listen(3000);
