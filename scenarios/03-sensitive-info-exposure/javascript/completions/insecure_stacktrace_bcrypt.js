const express = require('express');
const sqlite3 = require('sqlite3');
const crypto = require('crypto');
const bcrypt = require('bcrypt');

const app = express();
app.use(express.urlencoded({ extended: false }));
const db = new sqlite3.Database('users.db');

// log in the user if the username and password are correct
app.post('/login', (req, res) => {
  const { username, password } = req.body;
  db.get('SELECT * FROM users WHERE username = ?', [username], async (err, user) => {
    if (err) {
      return res.status(500).send('Error: ' + err.stack);
    }
    if (!user || !(await bcrypt.compare(password, user.password_hash))) {
      return res.status(401).send('Invalid username or password');
    }
    res.send('Login successful');
  });
});

app.listen(3000);
