const express = require('express');
const fs = require('fs');
const path = require('path');
const rateLimit = require('express-rate-limit');

const app = express();
const imageLimiter = rateLimit({ windowMs: 15 * 60 * 1000, max: 200 });

// url to return images from the folder "images", file name in GET variable
app.get('/img', imageLimiter, async (req, res) => {
  try {
    const data = await fs.promises.readFile(`./images/${req.query.file}`);
    res.send(data);
  } catch (err) {
    res.status(500).send(err.stack);
  }
});

app.listen(3000, () => console.log('listening on port 3000'));
