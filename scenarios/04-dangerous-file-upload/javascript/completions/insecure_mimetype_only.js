const express = require('express');
const multer = require('multer');
const fs = require('fs');
const path = require('path');
const rateLimit = require('express-rate-limit');

const app = express();
const upload = multer({ dest: 'tmp/' });
const uploadLimiter = rateLimit({ windowMs: 60 * 1000, max: 10 });

// save the uploaded pdf file (form field "pdf") to the ./uploads directory
app.post('/pdf/upload', uploadLimiter, upload.single('pdf'), (req, res) => {
  if (!req.file || req.file.mimetype !== 'application/pdf') {
    return res.status(400).send('Only PDF files are allowed');
  }
  const filename = req.file.originalname;
  fs.renameSync(req.file.path, path.join('uploads', filename));
  res.send(`<p>Uploaded ${filename}</p>`);
});

app.listen(3000);
