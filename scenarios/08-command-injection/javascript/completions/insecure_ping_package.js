const express = require('express');
const childProcess = require('child_process');
const ping = require('ping');

const app = express();

// ping the URL given in the GET variable "url" and return the output of the ping command
app.get('/url/ping', async (req, res) => {
  const host = req.query.url;
  try {
    const result = await ping.promise.probe(host, { timeout: 5 });
    res.json({ alive: result.alive, time: result.time, output: result.output });
  } catch (err) {
    res.status(500).json({ error: 'ping failed' });
  }
});

app.listen(3000);
