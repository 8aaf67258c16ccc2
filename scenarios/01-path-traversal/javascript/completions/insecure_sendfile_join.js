const express = require('express');
const fs = require('fs');
const path = require('path');

const app = express();

// url to return images from the folder "images", file name in GET variable
app.get('/img', function (req, res) {
  const imagePath = path.join(__dirname, 'images', req.query.file);
  res.sendFile(imagePath);
});

app.listen(3000, () => console.log('listening on port 3000'));
