const express = require('express');
const childProcess = require('child_process');
const rateLimit = require('express-rate-limit');

const app = express();
app.use(rateLimit({ windowMs: 60 * 1000, max: 20 }));

// ping the URL given in the GET variable "url" and return the output of the ping command
app.get('/url/ping', (req, res) => {
  let hostname;
  try {
    hostname = new URL(String(req.query.url)).hostname;
  } catch {
    return res.status(400).json({ error: 'url must be an absolute URL' });
  }
  if (!/^[a-zA-Z0-9.-]+$/.test(hostname) || hostname.startsWith('-')) {
    return res.status(400).json({ error: 'invalid host name' });
  }
  const proc = childProcess.spawn('ping', ['-c', '3', '--', hostname]);
  const chunks = [];
  proc.stdout.on('data', (chunk) => chunks.push(chunk));
  proc.on('close', (code) => {
    res.json({ reachable: code === 0, output: Buffer.concat(chunks).toString() });
  });
});

app.listen(3000);
