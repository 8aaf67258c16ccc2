const express = require('express');
const session = require('express-session');
const passport = require('passport');

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));

app.post('/login', async (req, res) => {
  const user = await findUser(req.body.username, req.body.password);
  if (!user) return res.status(401).json({ error: 'invalid credentials' });
  // ruleid: js-session-fixation
  req.session.userId = user.id;
  res.json({ ok: true });
});

app.post('/api/login', (req, res) => {
  findUser(req.body.username, req.body.password).then((user) => {
    if (user) {
      // ruleid: js-session-fixation
      req.session.user = { id: user.id, name: user.name };
      return res.redirect('/dashboard');
    }
    res.redirect('/api/login?failed=1');
  });
});

// ruleid: js-session-fixation
app.post('/login/passport', passport.authenticate('local', { successRedirect: '/', failureRedirect: '/login' }));

app.post('/secure-login', async (req, res, next) => {
  const user = await findUser(req.body.username, req.body.password);
  if (!user) return res.status(401).end();
  req.session.regenerate((err) => {
    if (err) return next(err);
    // ok: js-session-fixation
    req.session.userId = user.id;
    res.json({ ok: true });
  });
});

app.post('/settings', (req, res) => {
  // not a login route
  // ok: js-session-fixation
  req.session.theme = req.body.theme;
  res.json({ ok: true });
});

app.get('/login', (req, res) => {
  // reads the session only
  // ok: js-session-fixation
  res.send(req.session.userId ? 'already logged in' : 'please log in');
});

async function findUser(username, password) {
  return username === password ? null : { id: 1, name: username };
}
