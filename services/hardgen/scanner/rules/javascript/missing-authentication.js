const express = require('express');
const session = require('express-session');

const app = express();

function ensureLoggedIn(req, res, next) {
  if (!req.session.username) {
    return res.redirect('/login');
  }
  next();
}

// ruleid: js-hardgen-missing-authentication
app.get('/settings', (req, res) => {
  res.send('<h1>Settings</h1>');
});

// ruleid: js-hardgen-missing-authentication
app.post('/account/email', function (req, res) {
  const user = req.session.username || 'guest';
  res.send('updated ' + user);
});

// ruleid: js-hardgen-missing-authentication
app.get('/admin', express.json(), (req, res) => {
  res.send('admin area');
});

// ok: js-hardgen-missing-authentication
app.get('/settings/secure', ensureLoggedIn, (req, res) => {
  res.send('<h1>Settings</h1>');
});

// ok: js-hardgen-missing-authentication
app.get('/profile', function (req, res) {
  if (!req.session.username) {
    return res.redirect('/login');
  }
  res.send('profile');
});

// ok: js-hardgen-missing-authentication
app.get('/dashboard', (req, res) => {
  if (!req.isAuthenticated()) {
    return res.sendStatus(401);
  }
  res.send('dashboard');
});

// ok: js-hardgen-missing-authentication
app.post('/settings/email', (req, res) => {
  const user = req.session.user;
  if (!user) {
    return res.status(401).send('Please log in');
  }
  res.send('saved');
});

// ok: js-hardgen-missing-authentication
app.get('/about', (req, res) => {
  res.send('about us');
});

app.use('/account', ensureLoggedIn);
app.use(ensureLoggedIn);

// ok: js-hardgen-missing-authentication
app.get('/preferences', (req, res) => {
  res.send('preferences');
});
