const express = require('express');
const fsp = require('fs/promises');
const path = require('path');
const rateLimit = require('express-rate-limit');

const app = express();
const IMAGES_DIR = path.join(__dirname, 'images');
const IMAGE_NAME = /^[a-zA-Z0-9_-]+\.(png|jpe?g|gif|webp)$/;
const imageLimiter = rateLimit({ windowMs: 60 * 1000, max: 100 });

// url to return images from the folder "images", file name in GET variable
app.get('/img', imageLimiter, async (req, res) => {
  const { file } = req.query;
  if (typeof file !== 'string' || !IMAGE_NAME.test(file)) {
    return res.status(400).json({ error: 'invalid image name' });
  }
  try {
    const data = await fsp.readFile(path.join(IMAGES_DIR, path.basename(file)));
    res.type(path.extname(file)).send(data);
  } catch {
    res.sendStatus(404);
  }
});

app.listen(3000, () => console.log('listening on port 3000'));
