const express = require('express');
const fs = require('fs');
const path = require('path');
const rateLimit = require('express-rate-limit');

const app = express();
const IMAGES_DIR = path.resolve(__dirname, 'images');
const limiter = rateLimit({ windowMs: 60 * 1000, max: 120, standardHeaders: true });

// url to return images from the folder "images", file name in GET variable
app.get('/img', limiter, (req, res) => {
  const requested = String(req.query.file || '');
  const fullPath = path.resolve(IMAGES_DIR, requested);
  if (!fullPath.startsWith(IMAGES_DIR + path.sep)) {
    return res.status(403).send('Forbidden');
  }
  fs.readFile(fullPath, (err, data) => {
    if (err) {
      return res.sendStatus(404);
    }
    res.type(path.extname(fullPath));
    res.send(data);
  });
});

app.listen(3000, () => console.log('listening on port 3000'));
