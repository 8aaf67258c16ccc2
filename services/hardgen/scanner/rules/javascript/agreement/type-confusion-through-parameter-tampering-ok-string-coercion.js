// hardgen-expect: none
// hardgen-near-miss: js/type-confusion-through-parameter-tampering
const express = require('express');
const app = express();

app.get('/hello', (req, res) => {
  const name = String(req.query.name || '');
  if (name.length > 20) {
    return res.status(400).json({ error: 'Name too long' });
  }
  res.json({ greeting: 'Hello!' });
});

app.listen(3000);
