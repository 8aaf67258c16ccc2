// hardgen-expect: js/untrusted-data-to-external-api
const express = require('express');
const app = express();

const PRODUCTS = [
  { id: 1, name: 'Keyboard' },
  { id: 2, name: 'Mouse' },
];

app.get('/api/search', (req, res) => {
  const query = req.query.q;
  res.json({ query: query, count: PRODUCTS.length, results: PRODUCTS });
});

app.listen(process.env.PORT || 3000);
