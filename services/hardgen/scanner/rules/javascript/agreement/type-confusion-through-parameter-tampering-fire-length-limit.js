// hardgen-expect: js/type-confusion-through-parameter-tampering
const express = require('express');
const app = express();

app.get('/hello', (req, res) => {
  const name = req.query.name;
  if (name && name.length > 20) {
    return res.status(400).json({ error: 'Name too long' });
  }
  res.json({ greeting: 'Hello!' });
});

app.listen(3000);
