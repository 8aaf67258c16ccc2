// hardgen-expect: js/clear-text-cookie
// hardgen-near-miss: js/hardcoded-credentials
const express = require('express');
const session = require('express-session');

const app = express();

app.use(session({
  secret: '<replace with a long random string>',
  resave: false,
  saveUninitialized: false,
}));

app.get('/', (req, res) => {
  res.json({ loggedIn: Boolean(req.session.userId) });
});

app.listen(3000);
