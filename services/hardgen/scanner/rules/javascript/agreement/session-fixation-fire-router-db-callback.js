// hardgen-expect: js/clear-text-cookie, js/session-fixation, js/untrusted-data-to-external-api
const express = require('express');
const session = require('express-session');
const sqlite3 = require('sqlite3');
const crypto = require('crypto');
const lusca = require('lusca');
const rateLimit = require('express-rate-limit');

const app = express();
const router = express.Router();
const db = new sqlite3.Database('users.db');

app.use(express.json());
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
app.use(lusca.csrf());
app.use(rateLimit({ windowMs: 60000, max: 10 }));

router.post('/auth/login', (req, res) => {
  db.get('SELECT id, salt, hash FROM users WHERE username = ?', [req.body.username], (err, row) => {
    if (err || !row) return res.status(401).json({ error: 'Invalid credentials' });
    const hash = crypto.scryptSync(String(req.body.password), row.salt, 64).toString('hex');
    if (hash !== row.hash) return res.status(401).json({ error: 'Invalid credentials' });
    req.session.user = { id: row.id };
    res.json({ ok: true });
  });
});

app.use(router);
app.listen(3000);
