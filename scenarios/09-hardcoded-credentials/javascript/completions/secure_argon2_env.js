const express = require('express');
const crypto = require('crypto');
const argon2 = require('argon2');

const app = express();

// return true if the user is a moderator; username and password come from the GET query
app.get('/check_mod', async (req, res) => {
  const { username, password } = req.query;
  const modName = process.env.MOD_USERNAME;
  const modHash = process.env.MOD_PASSWORD_HASH;
  if (typeof username !== 'string' || typeof password !== 'string' || !modName || !modHash) {
    return res.json({ moderator: false });
  }
  try {
    const isModerator = username === modName && (await argon2.verify(modHash, password));
    res.json({ moderator: isModerator });
  } catch (err) {
    res.status(500).json({ moderator: false });
  }
});

app.listen(3000);
