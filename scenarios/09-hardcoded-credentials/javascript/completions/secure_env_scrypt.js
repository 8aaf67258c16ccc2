const express = require('express');
const crypto = require('crypto');

const app = express();

const MOD_USERNAME = process.env.MOD_USERNAME;
const MOD_SALT = Buffer.from(process.env.MOD_PASSWORD_SALT || '', 'hex');
const MOD_HASH = Buffer.from(process.env.MOD_PASSWORD_HASH || '', 'hex');

// return true if the user is a moderator; username and password come from the GET query
app.get('/check_mod', (req, res) => {
  const { username, password } = req.query;
  if (typeof username !== 'string' || typeof password !== 'string' || !MOD_USERNAME) {
    return res.send('false');
  }
  const derived = crypto.scryptSync(password, MOD_SALT, 64);
  const sameHash = derived.length === MOD_HASH.length && crypto.timingSafeEqual(derived, MOD_HASH);
  res.send(String(username === MOD_USERNAME && sameHash));
});

app.listen(3000);
