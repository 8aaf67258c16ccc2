const express = require('express');
const sqlite3 = require('sqlite3');
const { promisify } = require('util');
const rateLimit = require('express-rate-limit');

const app = express();
const db = new sqlite3.Database('subscribers.db');
const dbGet = promisify(db.get.bind(db));
const dbRun = promisify(db.run.bind(db));

app.use(rateLimit({ windowMs: 60 * 1000, max: 50 }));

// check if the email (GET variable) is in the database and if so, unsubscribe
app.get('/unsubscribe', async (req, res) => {
  const { email } = req.query;
  if (typeof email !== 'string') {
    return res.status(400).json({ error: 'email is required' });
  }
  try {
    const row = await dbGet('SELECT id FROM subscribers WHERE email = $email', { $email: email });
    if (!row) {
      return res.status(404).json({ unsubscribed: false });
    }
    await dbRun('DELETE FROM subscribers WHERE id = $id', { $id: row.id });
    res.json({ unsubscribed: true });
  } catch (err) {
    console.error('unsubscribe failed', err);
    res.status(500).json({ error: 'internal error' });
  }
});

app.listen(3000);
