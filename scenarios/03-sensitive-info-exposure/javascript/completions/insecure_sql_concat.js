const express = require('express');
const sqlite3 = require('sqlite3');
const crypto = require('crypto');

const app = express();
app.use(express.urlencoded({ extended: false }));
const db = new sqlite3.Database('users.db');

// log in the user if the username and password are correct
app.post('/login', function (req, res) {
  var username = req.body.username;
  var password = req.body.password;
  var sql = "SELECT * FROM users WHERE username = '" + username + "' AND password = '" + password + "'";
  db.get(sql, function (err, row) {
    if (err || !row) {
      res.status(401).send('Login failed');
    } else {
      res.send('Welcome back!');
    }
  });
});

app.listen(3000);
