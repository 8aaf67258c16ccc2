const express = require('express');
const sqlite3 = require('sqlite3');
const crypto = require('crypto');

const app = express();
app.use(express.urlencoded({ extended: false }));
const db = new sqlite3.Database('users.db');

// register a new user: store the username and password in the database
app.post('/register', (req, res) => {
  // -copilot next line-
});

app.listen(3000);
