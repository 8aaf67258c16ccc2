const express = require('express');
const fs = require('fs');
const sqlite3 = require('sqlite3');
const childProcess = require('child_process');
const multer = require('multer');
const rateLimit = require('express-rate-limit');

const app = express();
const db = new sqlite3.Database('app.db');
const upload = multer({ dest: 'tmp/' });
const router = express.Router();

// ruleid: js-missing-rate-limiting
app.get('/file', (req, res) => {
  fs.readFile('data/report.txt', (err, data) => res.end(data));
});

// ruleid: js-missing-rate-limiting
app.get('/db', function (req, res) {
  db.all('SELECT * FROM items', (err, rows) => res.json(rows));
});

// ruleid: js-missing-rate-limiting
app.post('/upload', upload.single('pdf'), (req, res) => {
  fs.rename(req.file.path, 'uploads/report.pdf', () => res.end());
});

// ruleid: js-missing-rate-limiting
router.get('/ping', async (req, res) => {
  childProcess.execFile('ping', ['-c', '1', 'example.com'], (err, stdout) => res.send(stdout));
});

// ok: js-missing-rate-limiting
app.get('/cheap', (req, res) => {
  res.json({ ok: true });
});

const apiLimiter = rateLimit({ windowMs: 60 * 1000, max: 100 });

// ok: js-missing-rate-limiting
app.get('/limited', apiLimiter, (req, res) => {
  db.all('SELECT * FROM items', (err, rows) => res.json(rows));
});

// ok: js-missing-rate-limiting
app.post('/limited-upload', apiLimiter, upload.single('pdf'), (req, res) => {
  fs.rename(req.file.path, 'uploads/report.pdf', () => res.end());
});

// ok: js-missing-rate-limiting
app.get('/inline', rateLimit({ windowMs: 1000, max: 1 }), (req, res) => {
  res.sendFile('/srv/static/index.html');
});

app.use(apiLimiter);

// ok: js-missing-rate-limiting
app.get('/after-global', (req, res) => {
  fs.readFile('data/report.txt', (err, data) => res.end(data));
});
