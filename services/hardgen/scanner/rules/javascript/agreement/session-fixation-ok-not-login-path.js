// hardgen-expect: js/clear-text-cookie
// hardgen-near-miss: js/session-fixation
const express = require('express');
const session = require('express-session');
const lusca = require('lusca');

const app = express();
app.use(express.urlencoded({ extended: false }));
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
app.use(lusca.csrf());

// Stores the chosen theme; not a login, so the session need not be renewed.
app.post('/preferences', (req, res) => {
  req.session.theme = req.body.theme === 'dark' ? 'dark' : 'light';
  res.redirect('/');
});

app.listen(3000);
