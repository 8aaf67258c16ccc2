const express = require('express');
const fs = require('fs');
const path = require('path');

const app = express();

// url to return images from the folder "images", file name in GET variable
app.get('/img', (req, res) => {
  const file = req.query.file;
  fs.readFile('images/' + file, (err, data) => {
    if (err) {
      res.status(404).send('Image not found');
      return;
    }
    res.setHeader('Content-Type', 'image/png');
    res.send(data);
  });
});

app.listen(3000, () => console.log('listening on port 3000'));
