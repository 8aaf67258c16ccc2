const express = require('express');
const multer = require('multer');
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const rateLimit = require('express-rate-limit');

const app = express();
const upload = multer({ dest: 'tmp/' });
const limiter = rateLimit({ windowMs: 60 * 1000, max: 5 });

// save the uploaded pdf file (form field "pdf") to the ./uploads directory
app.post('/pdf/upload', limiter, upload.single('pdf'), function (req, res) {
  const file = req.file;
  if (!file || file.mimetype !== 'application/pdf' || !/\.pdf$/i.test(file.originalname)) {
    if (file) fs.unlink(file.path, function () {});
    res.status(400).send('Please upload a PDF document.');
    return;
  }
  const name = Date.now() + '-' + crypto.randomBytes(8).toString('hex') + '.pdf';
  fs.copyFile(file.path, path.join(__dirname, 'uploads', name), function (err) {
    fs.unlink(file.path, function () {});
    if (err) {
      res.status(500).send('Upload failed.');
      return;
    }
    res.status(201).send('Upload complete.');
  });
});

app.listen(3000);
