const express = require('express');
const multer = require('multer');
const fs = require('fs');
const path = require('path');

const app = express();
const upload = multer({ dest: 'tmp/' });

// save the uploaded pdf file (form field "pdf") to the ./uploads directory
app.post('/pdf/upload', upload.single('pdf'), function (req, res) {
  const dest = path.join(__dirname, 'uploads', req.file.originalname);
  fs.copyFile(req.file.path, dest, function (err) {
    if (err) {
      return res.status(500).send(err.stack);
    }
    fs.unlink(req.file.path, function () {});
    res.json({ message: 'PDF saved', file: req.file.filename });
  });
});

app.listen(3000);
