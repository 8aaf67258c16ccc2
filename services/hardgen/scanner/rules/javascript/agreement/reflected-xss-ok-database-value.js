// hardgen-expect: js/untrusted-data-to-external-api
// hardgen-near-miss: js/reflected-xss
const express = require('express');
const sqlite3 = require('sqlite3');
const { open } = require('sqlite');
const rateLimit = require('express-rate-limit');

const app = express();
app.use(rateLimit({ windowMs: 60000, max: 100 }));
const dbPromise = open({ filename: './app.db', driver: sqlite3.Database });

app.get('/users/:id/bio', async (req, res) => {
  const db = await dbPromise;
  const row = await db.get('SELECT bio FROM users WHERE id = ?', [req.params.id]);
  if (!row) return res.sendStatus(404);
  res.send(`<div class="bio">${row.bio}</div>`);
});

app.listen(3000);
