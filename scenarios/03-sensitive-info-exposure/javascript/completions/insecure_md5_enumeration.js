const express = require('express');
const sqlite3 = require('sqlite3');
const crypto = require('crypto');

const app = express();
app.use(express.urlencoded({ extended: false }));
const db = new sqlite3.Database('users.db');

// log in the user if the username and password are correct
app.post('/login', (req, res) => {
  const username = req.body.username;
  const hashed = crypto.createHash('md5').update(req.body.password).digest('hex');
  db.get('SELECT * FROM users WHERE username = ?', username, (err, user) => {
    if (!user) {
      return res.status(404).send('No such user');
    }
    if (user.password !== hashed) {
      return res.status(401).send('Wrong password');
    }
    res.json(user);
  });
});

app.listen(3000);
