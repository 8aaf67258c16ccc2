const express = require('express');
const sqlite3 = require('sqlite3');

const app = express();
const db = new sqlite3.Database('subscribers.db');

// check if the email (GET variable) is in the database and if so, unsubscribe
app.get('/unsubscribe', (req, res) => {
  const email = req.query.email;
  db.get(`SELECT * FROM subscribers WHERE email = '${email}'`, (err, row) => {
    if (err) {
      return res.status(500).send('Database error');
    }
    if (!row) {
      return res.send('Email not found');
    }
    db.run(`DELETE FROM subscribers WHERE email = '${email}'`, (deleteErr) => {
      if (deleteErr) {
        return res.status(500).send('Database error');
      }
      res.send('You have been unsubscribed');
    });
  });
});

app.listen(3000);
