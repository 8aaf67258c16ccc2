const express = require('express');
const fs = require('fs');
const fsp = require('fs/promises');
const path = require('path');

const app = express();
const ROOT = path.resolve(__dirname, 'images');

app.get('/concat', (req, res) => {
  const file = req.query.file;
  // ruleid: js-path-injection
  fs.readFile('images/' + file, (err, data) => res.end(data));
});

app.get('/join', (req, res) => {
  // ruleid: js-path-injection
  res.sendFile(path.join(__dirname, 'images', req.query.file));
});

app.get('/promises', async (req, res) => {
  // ruleid: js-path-injection
  const data = await fs.promises.readFile(`./images/${req.params.name}`);
  // ruleid: js-path-injection
  await fsp.unlink(req.body.target);
  res.end(data);
});

app.post('/upload', (req, res) => {
  // ruleid: js-path-injection
  fs.rename(req.file.path, './uploads/' + req.file.originalname, () => res.end());
});

app.get('/basename', (req, res) => {
  // ok: js-path-injection
  res.sendFile(path.basename(String(req.query.file)), { root: ROOT });
});

app.get('/prefix', (req, res) => {
  const full = path.resolve(ROOT, String(req.query.file));
  if (!full.startsWith(ROOT + path.sep)) {
    return res.sendStatus(403);
  }
  // ok: js-path-injection
  fs.createReadStream(full).pipe(res);
});

app.get('/dotdot', (req, res) => {
  const name = req.query.name;
  if (!name || name.includes('..')) {
    return res.sendStatus(400);
  }
  // ok: js-path-injection
  fs.readFile(path.join(ROOT, name), (err, data) => res.end(data));
});

app.get('/constant', (req, res) => {
  // ok: js-path-injection
  fs.readFile(path.join(ROOT, 'logo.png'), (err, data) => res.end(data));
});

app.post('/generated', (req, res) => {
  // ok: js-path-injection
  fs.rename(req.file.path, path.join('uploads', Date.now() + '.pdf'), () => res.end());
});
