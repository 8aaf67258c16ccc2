// hardgen-expect: none
// hardgen-near-miss: js/type-confusion-through-parameter-tampering
const express = require('express');
const app = express();

app.get('/hello', (req, res) => {
  const name = req.query.name;
  if (typeof name !== 'string' || name.length > 20) {
    return res.status(400).json({ error: 'Invalid name' });
  }
  res.json({ greeting: 'Hello!' });
});

app.listen(3000);
