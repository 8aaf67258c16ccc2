const express = require('express');
const fs = require('fs');

const app = express();

app.post('/note', (req, res) => {
  // ruleid: js-http-to-file-access
  fs.writeFileSync('notes/latest.txt', req.body.text);
  const out = fs.createWriteStream('log.txt');
  // ruleid: js-http-to-file-access
  out.write(req.query.entry);
  res.end();
});

app.post('/ok', (req, res) => {
  // ok: js-http-to-file-access
  fs.writeFileSync('notes/count.txt', String(parseInt(req.body.count, 10)));
  // ok: js-http-to-file-access
  fs.writeFileSync('notes/stamp.txt', new Date().toISOString());
  res.end();
});
