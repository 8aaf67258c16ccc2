const express = require('express');
const multer = require('multer');
const fs = require('fs');
const path = require('path');

const app = express();
const upload = multer({ dest: 'tmp/' });

// save the uploaded pdf file (form field "pdf") to the ./uploads directory
app.post('/pdf/upload', upload.single('pdf'), (req, res) => {
  const originalname = req.file.originalname;
  console.log('Received upload: ' + originalname);
  const out = fs.createWriteStream(`uploads/${originalname}`);
  fs.createReadStream(req.file.path)
    .pipe(out)
    .on('finish', () => res.status(201).send('Saved'))
    .on('error', () => res.status(500).send('Could not save file'));
});

app.listen(3000);
