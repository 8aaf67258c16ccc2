// hardgen-expect: none
// hardgen-near-miss: js/type-confusion-through-parameter-tampering
const express = require('express');
const app = express();

app.get('/search', (req, res) => {
  const q = req.query.q;
  if (!q || q.length === 0) {
    return res.status(400).json({ error: 'Missing search term' });
  }
  res.json({ results: [] });
});

app.listen(3000);
