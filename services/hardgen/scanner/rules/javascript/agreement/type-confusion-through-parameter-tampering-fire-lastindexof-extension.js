// hardgen-expect: js/type-confusion-through-parameter-tampering
const express = require('express');
const app = express();

const ALLOWED = ['.png', '.jpg', '.gif'];

app.get('/check-upload-name', (req, res) => {
  const filename = req.query.filename;
  const dot = filename.lastIndexOf('.');
  const ok = dot > 0 && ALLOWED.includes(filename.substring(dot).toLowerCase());
  res.json({ allowed: ok });
});

app.listen(3000);
