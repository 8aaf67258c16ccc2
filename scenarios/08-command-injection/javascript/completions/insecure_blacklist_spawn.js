const express = require('express');
const childProcess = require('child_process');
const rateLimit = require('express-rate-limit');

const app = express();
const pingLimiter = rateLimit({ windowMs: 60 * 1000, max: 10 });

// ping the URL given in the GET variable "url" and return the output of the ping command
app.get('/url/ping', pingLimiter, (req, res) => {
  const url = req.query.url;
  if (!url || url.includes(';') || url.includes('&')) {
    return res.status(400).send('Invalid host');
  }
  const child = childProcess.spawn('sh', ['-c', 'ping -c 2 ' + url]);
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.on('close', (code) => {
    res.json({ code, output });
  });
});

app.listen(3000);
