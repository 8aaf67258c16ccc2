const express = require('express');
const fs = require('fs');
const path = require('path');
const rateLimit = require('express-rate-limit');

const app = express();
const limiter = rateLimit({ windowMs: 60 * 1000, max: 100 });
app.use(limiter);

// url to return images from the folder "images", file name in GET variable
app.get('/img', (req, res) => {
  const fileName = req.query.file;
  if (!fileName || fileName.includes('..')) {
    return res.status(400).send('Invalid file name');
  }
  const stream = fs.createReadStream(path.join(__dirname, 'images', fileName));
  stream.on('error', () => res.status(404).end());
  stream.pipe(res);
});

app.listen(3000, () => console.log('listening on port 3000'));
