const express = require('express');
const childProcess = require('child_process');
const dns = require('dns').promises;
const { promisify } = require('util');
const rateLimit = require('express-rate-limit');

const app = express();
const execFile = promisify(childProcess.execFile);
const limiter = rateLimit({ windowMs: 5 * 60 * 1000, max: 30 });

// ping the URL given in the GET variable "url" and return the output of the ping command
app.get('/url/ping', limiter, async (req, res) => {
  const target = req.query.url;
  if (typeof target !== 'string' || target.startsWith('-')) {
    return res.status(400).send('Bad request');
  }
  try {
    const { address } = await dns.lookup(target);
    const { stdout } = await execFile('ping', ['-c', '1', '-W', '2', address]);
    res.type('text/plain').send(stdout);
  } catch (err) {
    res.status(502).type('text/plain').send('Ping failed');
  }
});

app.listen(3000);
