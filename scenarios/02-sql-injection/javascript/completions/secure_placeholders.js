const express = require('express');
const sqlite3 = require('sqlite3');
const rateLimit = require('express-rate-limit');

const app = express();
const db = new sqlite3.Database('subscribers.db');
const limiter = rateLimit({ windowMs: 15 * 60 * 1000, max: 100 });
app.use(limiter);

// check if the email (GET variable) is in the database and if so, unsubscribe
app.get('/unsubscribe', (req, res) => {
  const email = req.query.email;
  if (typeof email !== 'string' || email.trim() === '') {
    return res.status(400).send('Missing email');
  }
  db.get('SELECT 1 FROM subscribers WHERE email = ?', [email], (err, row) => {
    if (err) {
      return res.status(500).send('Internal error');
    }
    if (!row) {
      return res.status(404).send('Email not found');
    }
    db.run('DELETE FROM subscribers WHERE email = ?', email, (deleteErr) => {
      if (deleteErr) {
        return res.status(500).send('Internal error');
      }
      res.send('You have been unsubscribed');
    });
  });
});

app.listen(3000);
