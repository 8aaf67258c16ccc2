// hardgen-expect: none
// hardgen-near-miss: js/type-confusion-through-parameter-tampering
const express = require('express');
const app = express();

// Route parameters are always strings.
app.get('/orders/:id', (req, res) => {
  if (req.params.id.length !== 24) {
    return res.status(400).json({ error: 'Malformed order id' });
  }
  res.json({ status: 'pending' });
});

app.listen(3000);
