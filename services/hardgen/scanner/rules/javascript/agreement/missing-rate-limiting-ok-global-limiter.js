// hardgen-expect: none
// hardgen-near-miss: js/missing-rate-limiting
const express = require('express');
const fs = require('fs');
const path = require('path');
const rateLimit = require('express-rate-limit');

const app = express();
app.use(rateLimit({ windowMs: 15 * 60 * 1000, max: 100 }));

app.get('/report', (req, res) => {
  fs.readFile(path.join(__dirname, 'reports', 'daily.txt'), 'utf8', (err, data) => {
    if (err) return res.status(500).json({ error: 'Report unavailable' });
    res.type('text/plain').send(data);
  });
});

app.listen(3000);
