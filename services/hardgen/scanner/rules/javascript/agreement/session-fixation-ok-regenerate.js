// hardgen-expect: js/clear-text-cookie, js/untrusted-data-to-external-api
// hardgen-near-miss: js/session-fixation
const express = require('express');
const session = require('express-session');
const bcrypt = require('bcrypt');
const lusca = require('lusca');

const app = express();
app.use(express.urlencoded({ extended: false }));
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
app.use(lusca.csrf());

const users = new Map([['alice', { id: 1, hash: process.env.ALICE_HASH }]]);

app.post('/login', async (req, res, next) => {
  const user = users.get(req.body.username);
  if (!user || !(await bcrypt.compare(req.body.password, user.hash))) {
    return res.status(401).send('Invalid username or password');
  }
  req.session.regenerate((err) => {
    if (err) return next(err);
    req.session.userId = user.id;
    req.session.save(() => res.redirect('/dashboard'));
  });
});

app.listen(3000);
