const express = require('express');
const childProcess = require('child_process');
const rateLimit = require('express-rate-limit');

const app = express();
const limiter = rateLimit({ windowMs: 60 * 1000, max: 6 });

// only these hosts may be pinged
const TARGETS = new Map([
  ['gateway', '192.168.1.1'],
  ['dns', '1.1.1.1'],
  ['example', 'example.com'],
]);

// ping the URL given in the GET variable "url" and return the output of the ping command
app.get('/url/ping', limiter, function (req, res) {
  const host = TARGETS.get(String(req.query.url));
  if (!host) {
    res.status(400).send('Unknown target');
    return;
  }
  childProcess.execFile('/bin/ping', ['-c', '1', host], { timeout: 4000 }, function (err, stdout) {
    res.type('text/plain').send(err ? 'unreachable' : stdout);
  });
});

app.listen(3000);
