const express = require('express');
const sqlite3 = require('sqlite3');
const rateLimit = require('express-rate-limit');

const app = express();
const db = new sqlite3.Database('subscribers.db');

const router = express.Router();
router.use(rateLimit({ windowMs: 60 * 60 * 1000, max: 10, standardHeaders: true, legacyHeaders: false }));

// check if the email (GET variable) is in the database and if so, unsubscribe
router.get('/unsubscribe', (req, res) => {
  const email = String(req.query.email || '').trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[a-z]{2,}$/.test(email)) {
    return res.status(400).send('Invalid email address');
  }
  db.run('DELETE FROM subscribers WHERE lower(email) = ?', [email], function (err) {
    if (err) {
      console.error('unsubscribe failed:', err.message);
      return res.status(500).send('Something went wrong');
    }
    if (this.changes === 0) {
      return res.status(404).send('That address is not subscribed');
    }
    res.send('You have been unsubscribed');
  });
});

app.use(router);

app.listen(3000);
