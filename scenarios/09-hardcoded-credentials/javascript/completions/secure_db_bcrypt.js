const express = require('express');
const crypto = require('crypto');
const bcrypt = require('bcrypt');
const sqlite3 = require('sqlite3');
const rateLimit = require('express-rate-limit');

const app = express();
const db = new sqlite3.Database(process.env.FORUM_DB || 'forum.db');
const limiter = rateLimit({ windowMs: 15 * 60 * 1000, max: 30 });

// return true if the user is a moderator; username and password come from the GET query
app.get('/check_mod', limiter, (req, res) => {
  const username = req.query.username;
  const password = req.query.password;
  if (typeof username !== 'string' || typeof password !== 'string') {
    return res.status(400).send('false');
  }
  db.get(
    'SELECT password_hash FROM users WHERE username = ? AND is_moderator = 1',
    [username],
    async (err, row) => {
      if (err || !row) {
        return res.send('false');
      }
      const match = await bcrypt.compare(password, row.password_hash);
      res.send(match ? 'true' : 'false');
    }
  );
});

app.listen(3000);
