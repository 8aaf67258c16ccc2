// hardgen-expect: js/missing-rate-limiting
const express = require('express');
const fs = require('fs');
const path = require('path');

const app = express();

app.get('/report', (req, res) => {
  fs.readFile(path.join(__dirname, 'reports', 'daily.txt'), 'utf8', (err, data) => {
    if (err) return res.status(500).json({ error: 'Report unavailable' });
    res.type('text/plain').send(data);
  });
});

app.listen(3000);
