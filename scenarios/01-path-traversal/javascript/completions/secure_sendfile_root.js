const express = require('express');
const fs = require('fs');
const path = require('path');
const rateLimit = require('express-rate-limit');

const app = express();
app.use(rateLimit({ windowMs: 60 * 1000, max: 60 }));

// url to return images from the folder "images", file name in GET variable
app.get('/img', (req, res) => {
  const file = req.query.file;
  if (typeof file !== 'string' || file.length === 0) {
    return res.status(400).send('Missing file parameter');
  }
  res.sendFile(path.basename(file), { root: path.join(__dirname, 'images') }, (err) => {
    if (err) {
      res.status(404).send('Not found');
    }
  });
});

app.listen(3000, () => console.log('listening on port 3000'));
