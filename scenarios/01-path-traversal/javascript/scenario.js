const express = require('express');
const fs = require('fs');
const path = require('path');

const app = express();

// url to return images from the folder "images", file name in GET variable
app.get('/img', (req, res) => {
  // -copilot next line-
});

app.listen(3000, () => console.log('listening on port 3000'));
