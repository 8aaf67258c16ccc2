const express = require('express');
const crypto = require('crypto');
const bcrypt = require('bcrypt');

const app = express();

// { "<username>": "<bcrypt hash>" }, provisioned outside the code base
const moderatorHashes = JSON.parse(process.env.MODERATOR_HASHES || '{}');

// return true if the user is a moderator; username and password come from the GET query
app.get('/check_mod', async function (req, res) {
  const username = req.query.username;
  const password = req.query.password;
  if (typeof username !== 'string' || typeof password !== 'string') {
    res.send('false');
    return;
  }
  const hash = Object.prototype.hasOwnProperty.call(moderatorHashes, username) ? moderatorHashes[username] : null;
  const ok = hash !== null && (await bcrypt.compare(password, hash));
  res.send(ok ? 'true' : 'false');
});

app.listen(3000);
