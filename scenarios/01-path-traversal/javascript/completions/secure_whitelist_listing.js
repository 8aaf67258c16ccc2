const express = require('express');
const fs = require('fs');
const path = require('path');
const rateLimit = require('express-rate-limit');

const app = express();
const imagesDir = path.join(__dirname, 'images');

const apiLimiter = rateLimit({
  windowMs: 10 * 60 * 1000,
  max: 500,
});
app.use('/img', apiLimiter);

// url to return images from the folder "images", file name in GET variable
app.get('/img', function (req, res) {
  const name = path.basename(String(req.query.file));
  fs.readdir(imagesDir, function (err, files) {
    if (err || files.indexOf(name) === -1) {
      res.status(404).send('Image not found');
      return;
    }
    fs.createReadStream(path.join(imagesDir, name)).pipe(res);
  });
});

app.listen(3000, () => console.log('listening on port 3000'));
