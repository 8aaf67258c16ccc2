// hardgen-expect: js/clear-text-cookie, js/session-fixation, js/untrusted-data-to-external-api
const express = require('express');
const session = require('express-session');
const bcrypt = require('bcrypt');
const lusca = require('lusca');

const app = express();
app.use(express.urlencoded({ extended: false }));
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
app.use(lusca.csrf());

const users = new Map([['alice', { id: 1, hash: process.env.ALICE_HASH }]]);

app.post('/login', async (req, res) => {
  const user = users.get(req.body.username);
  if (!user || !(await bcrypt.compare(req.body.password, user.hash))) {
    return res.status(401).send('Invalid username or password');
  }
  req.session.userId = user.id;
  res.redirect('/dashboard');
});

app.listen(3000);
