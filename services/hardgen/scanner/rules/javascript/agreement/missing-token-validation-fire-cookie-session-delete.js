// hardgen-expect: js/clear-text-cookie, js/missing-token-validation
const express = require('express');
const cookieSession = require('cookie-session');

const app = express();
app.use(cookieSession({ name: 'session', keys: [process.env.COOKIE_KEY], maxAge: 24 * 60 * 60 * 1000 }));

const accounts = new Map();

app.delete('/account', (req, res) => {
  const id = req.session.user && req.session.user.id;
  if (!id) return res.sendStatus(401);
  accounts.delete(id);
  req.session = null;
  res.sendStatus(204);
});

app.listen(3000);
