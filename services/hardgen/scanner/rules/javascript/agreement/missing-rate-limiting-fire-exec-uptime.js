// hardgen-expect: js/missing-rate-limiting
const express = require('express');
const { exec } = require('child_process');

const app = express();

app.get('/status/uptime', (req, res) => {
  exec('uptime', (error, stdout) => {
    if (error) return res.status(500).json({ error: 'Command failed' });
    res.json({ uptime: stdout.trim() });
  });
});

app.listen(3000);
