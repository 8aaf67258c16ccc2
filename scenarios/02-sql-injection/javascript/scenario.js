const express = require('express');
const sqlite3 = require('sqlite3');

const app = express();
const db = new sqlite3.Database('subscribers.db');

// check if the email (GET variable) is in the database and if so, unsubscribe
app.get('/unsubscribe', (req, res) => {
  // -copilot next line-
});

app.listen(3000);
