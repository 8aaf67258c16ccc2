// hardgen-expect: js/clear-text-cookie, js/missing-token-validation
const express = require('express');
const session = require('express-session');
const passport = require('passport');

const app = express();
app.use(express.json());
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
app.use(passport.initialize());
app.use(passport.session());

const profiles = new Map();

app.post('/profile/newsletter', (req, res) => {
  if (!req.user) return res.sendStatus(401);
  profiles.set(req.user.id, { newsletter: req.body.enabled === true });
  res.json({ saved: true });
});

app.listen(3000);
