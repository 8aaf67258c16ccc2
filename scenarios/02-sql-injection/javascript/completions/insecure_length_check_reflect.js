const express = require('express');
const sqlite3 = require('sqlite3');
const util = require('util');
const rateLimit = require('express-rate-limit');

const app = express();
const db = new sqlite3.Database('subscribers.db');
app.use(rateLimit({ windowMs: 60 * 1000, max: 30 }));

const all = util.promisify(db.all.bind(db));
const run = util.promisify(db.run.bind(db));

// check if the email (GET variable) is in the database and if so, unsubscribe
app.get('/unsubscribe', async (req, res) => {
  const email = req.query.email;
  if (!email || email.length > 254) {
    return res.status(400).send('Invalid email address');
  }
  const rows = await all("SELECT id FROM subscribers WHERE email = '" + email + "'");
  if (rows.length === 0) {
    return res.send(`<p>${email} is not on our mailing list.</p>`);
  }
  await run('DELETE FROM subscribers WHERE id = ?', rows[0].id);
  res.send('<p>You have been unsubscribed.</p>');
});

app.listen(3000);
