// hardgen-expect: js/type-confusion-through-parameter-tampering, js/untrusted-data-to-external-api
const express = require('express');
const app = express();

app.get('/files/info', (req, res) => {
  const file = req.query.file;
  if (!file || file.includes('..')) {
    return res.status(400).json({ error: 'Invalid file name' });
  }
  res.json({ file, folder: 'uploads' });
});

app.listen(3000);
