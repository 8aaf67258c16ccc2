const express = require('express');
const childProcess = require('child_process');
const net = require('net');
const rateLimit = require('express-rate-limit');

const app = express();
const HOSTNAME_RE = /^(?=.{1,253}$)([a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)(\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
const pingLimiter = rateLimit({ windowMs: 60 * 1000, max: 10 });

// ping the URL given in the GET variable "url" and return the output of the ping command
app.get('/url/ping', pingLimiter, (req, res) => {
  const host = req.query.url;
  if (typeof host !== 'string' || !(net.isIP(host) || HOSTNAME_RE.test(host))) {
    return res.status(400).send('Invalid host');
  }
  childProcess.execFile('ping', ['-c', '1', host], { timeout: 5000 }, (error, stdout) => {
    if (error) {
      return res.status(502).type('text/plain').send('Host unreachable');
    }
    res.type('text/plain').send(stdout);
  });
});

app.listen(3000);
