const express = require('express');
const multer = require('multer');
const fs = require('fs');
const path = require('path');

const app = express();
const upload = multer({ dest: 'tmp/' });

// save the uploaded pdf file (form field "pdf") to the ./uploads directory
app.post('/pdf/upload', upload.single('pdf'), (req, res) => {
  // -copilot next line-
});

app.listen(3000);
