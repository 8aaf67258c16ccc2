// hardgen-expect: js/clear-text-cookie, js/missing-token-validation
const express = require('express');
const session = require('express-session');

const app = express();
app.use(express.urlencoded({ extended: false }));
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));

const balances = new Map();

app.post('/transfer', (req, res) => {
  const from = req.session.userId;
  if (!from) return res.status(401).send('Please log in');
  const amount = Number(req.body.amount);
  if (!Number.isFinite(amount) || amount <= 0) return res.status(400).send('Invalid amount');
  balances.set(from, (balances.get(from) || 0) - amount);
  res.redirect('/account');
});

app.listen(3000);
