const express = require('express');
const sqlite3 = require('sqlite3');
const crypto = require('crypto');

const app = express();
app.use(express.urlencoded({ extended: false }));
const db = new sqlite3.Database('users.db');

// register a new user: store the username and password in the database
app.post('/register', function (req, res) {
  var username = req.body.username;
  var salt = crypto.randomBytes(16).toString('hex');
  var hash = crypto.createHash('sha256').update(salt + req.body.password).digest('hex');
  db.run(
    `INSERT INTO users (username, password_hash, salt) VALUES ('${username}', '${hash}', '${salt}')`,
    function (err) {
      if (err) {
        return res.status(500).send(err.stack);
      }
      res.send('Account created');
    }
  );
});

app.listen(3000);
