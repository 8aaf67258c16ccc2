const express = require('express');
const multer = require('multer');
const fs = require('fs');
const path = require('path');
const rateLimit = require('express-rate-limit');

const app = express();
const upload = multer({ dest: 'tmp/' });
const UPLOAD_DIR = path.resolve('./uploads');
app.use(rateLimit({ windowMs: 60 * 1000, max: 30 }));

// save the uploaded pdf file (form field "pdf") to the ./uploads directory
app.post('/pdf/upload', upload.single('pdf'), (req, res) => {
  if (!req.file) {
    return res.status(400).send('Missing file');
  }
  const safeName = path.basename(req.file.originalname).replace(/[^a-zA-Z0-9._-]/g, '_');
  if (path.extname(safeName).toLowerCase() !== '.pdf' || req.file.mimetype !== 'application/pdf') {
    fs.unlink(req.file.path, () => {});
    return res.status(400).send('Only PDF files are allowed');
  }
  const dest = path.resolve(UPLOAD_DIR, safeName);
  if (!dest.startsWith(UPLOAD_DIR + path.sep)) {
    return res.status(400).send('Invalid file name');
  }
  fs.rename(req.file.path, dest, (err) => {
    if (err) {
      return res.status(500).send('Could not store the file');
    }
    res.send('PDF uploaded');
  });
});

app.listen(3000);
