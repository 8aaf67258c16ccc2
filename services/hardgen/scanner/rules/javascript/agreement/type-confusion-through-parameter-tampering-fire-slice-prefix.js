// hardgen-expect: js/type-confusion-through-parameter-tampering, js/untrusted-data-to-external-api
const express = require('express');
const app = express();

app.get('/autocomplete', (req, res) => {
  const q = req.query.q || '';
  const prefix = q.slice(0, 3);
  res.json({ prefix, suggestions: [] });
});

app.listen(3000);
