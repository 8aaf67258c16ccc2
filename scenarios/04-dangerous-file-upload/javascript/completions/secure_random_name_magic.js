const express = require('express');
const multer = require('multer');
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const rateLimit = require('express-rate-limit');

const app = express();
const upload = multer({ dest: 'tmp/', limits: { fileSize: 10 * 1024 * 1024 } });
const UPLOAD_DIR = path.join(__dirname, 'uploads');
const uploadLimiter = rateLimit({ windowMs: 15 * 60 * 1000, max: 20 });

// save the uploaded pdf file (form field "pdf") to the ./uploads directory
app.post('/pdf/upload', uploadLimiter, upload.single('pdf'), async (req, res) => {
  if (!req.file) {
    return res.status(400).json({ error: 'no file' });
  }
  try {
    const handle = await fs.promises.open(req.file.path, 'r');
    const header = Buffer.alloc(5);
    await handle.read(header, 0, 5, 0);
    await handle.close();
    if (req.file.mimetype !== 'application/pdf' || header.toString('latin1') !== '%PDF-') {
      await fs.promises.unlink(req.file.path);
      return res.status(415).json({ error: 'only PDF files are accepted' });
    }
    const storedName = crypto.randomUUID() + '.pdf';
    await fs.promises.rename(req.file.path, path.join(UPLOAD_DIR, storedName));
    res.status(201).json({ id: storedName });
  } catch (err) {
    res.status(500).json({ error: 'upload failed' });
  }
});

app.listen(3000);
