const express = require('express');
const sqlite3 = require('sqlite3');
const crypto = require('crypto');

const app = express();
app.use(express.urlencoded({ extended: false }));
const db = new sqlite3.Database('users.db');

// register a new user: store the username and password in the database
app.post('/register', (req, res) => {
  const username = req.body.username;
  const password = req.body.password;
  const hashedPassword = crypto.createHash('md5').update(password).digest('hex');
  db.run('INSERT INTO users (username, password) VALUES (?, ?)', [username, hashedPassword], function (err) {
    if (err) {
      res.status(500).send('Error registering user');
    } else {
      res.status(201).send('Registered');
    }
  });
});

app.listen(3000);
