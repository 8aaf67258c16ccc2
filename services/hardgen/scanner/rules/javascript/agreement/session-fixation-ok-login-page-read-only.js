// hardgen-expect: js/clear-text-cookie, js/missing-rate-limiting
// hardgen-near-miss: js/session-fixation
const express = require('express');
const session = require('express-session');

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));

// The login page only reads the session to skip the form for users already logged in.
app.get('/login', (req, res) => {
  if (req.session.userId) {
    return res.redirect('/dashboard');
  }
  res.sendFile('login.html', { root: 'public' });
});

app.listen(3000);
