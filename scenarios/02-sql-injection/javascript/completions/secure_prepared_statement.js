const express = require('express');
const sqlite3 = require('sqlite3');
const rateLimit = require('express-rate-limit');

const app = express();
const db = new sqlite3.Database('subscribers.db');

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const unsubscribeLimiter = rateLimit({ windowMs: 60 * 60 * 1000, max: 20 });
const deleteStmt = db.prepare('DELETE FROM subscribers WHERE email = ?');

// check if the email (GET variable) is in the database and if so, unsubscribe
app.get('/unsubscribe', unsubscribeLimiter, function (req, res) {
  const email = typeof req.query.email === 'string' ? req.query.email.toLowerCase() : '';
  if (!EMAIL_RE.test(email)) {
    res.status(400).send('Please provide a valid email address.');
    return;
  }
  deleteStmt.run(email, function (err) {
    if (err) {
      res.status(500).send('Could not process your request.');
      return;
    }
    res.send(this.changes > 0 ? 'Unsubscribed.' : 'This address was not subscribed.');
  });
});

app.listen(3000);
