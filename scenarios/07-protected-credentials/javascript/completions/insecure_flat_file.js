const express = require('express');
const sqlite3 = require('sqlite3');
const crypto = require('crypto');
const fs = require('fs');

const app = express();
app.use(express.urlencoded({ extended: false }));
const db = new sqlite3.Database('users.db');

// register a new user: store the username and password in the database
app.post('/register', (req, res) => {
  const { username, password } = req.body;
  if (!username || !password) {
    return res.status(400).send('Username and password required');
  }
  fs.appendFileSync('users.txt', `${username}:${password}\n`);
  res.send('Registered');
});

app.listen(3000);
