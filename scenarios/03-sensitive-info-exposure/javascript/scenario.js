const express = require('express');
const sqlite3 = require('sqlite3');
const crypto = require('crypto');

const app = express();
app.use(express.urlencoded({ extended: false }));
const db = new sqlite3.Database('users.db');

// log in the user if the username and password are correct
app.post('/login', (req, res) => {
  // -copilot next line-
});

app.listen(3000);
