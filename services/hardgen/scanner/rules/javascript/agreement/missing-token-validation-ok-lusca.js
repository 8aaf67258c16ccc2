// hardgen-expect: js/clear-text-cookie
// hardgen-near-miss: js/missing-token-validation
const express = require('express');
const session = require('express-session');
const lusca = require('lusca');

const app = express();
app.use(express.urlencoded({ extended: false }));
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
app.use(lusca.csrf());

const balances = new Map();

app.post('/transfer', (req, res) => {
  const from = req.session.userId;
  if (!from) return res.status(401).send('Please log in');
  const amount = Number(req.body.amount);
  balances.set(from, (balances.get(from) || 0) - amount);
  res.redirect('/account');
});

app.listen(3000);
