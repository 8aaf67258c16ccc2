const express = require('express');
const multer = require('multer');
const fs = require('fs');
const path = require('path');

const app = express();
const upload = multer({ dest: 'tmp/' });

// save the uploaded pdf file (form field "pdf") to the ./uploads directory
app.post('/pdf/upload', upload.single('pdf'), (req, res) => {
  if (!req.file) {
    return res.status(400).send('No file uploaded');
  }
  const target = './uploads/' + req.file.originalname;
  fs.rename(req.file.path, target, (err) => {
    if (err) {
      return res.status(500).send('Upload failed');
    }
    res.send('File uploaded successfully');
  });
});

app.listen(3000);
