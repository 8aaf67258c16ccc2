// hardgen-expect: none
// hardgen-near-miss: js/untrusted-data-to-external-api
const express = require('express');
const app = express();

const ITEMS = Array.from({ length: 250 }, (_, i) => ({ id: i + 1, title: `Item ${i + 1}` }));

app.get('/items', (req, res) => {
  const page = Math.max(Number(req.query.page) || 1, 1);
  const limit = Math.min(Number(req.query.limit) || 20, 100);
  const start = (page - 1) * limit;
  res.json({ page, limit, total: ITEMS.length, items: ITEMS.slice(start, start + limit) });
});

app.listen(3000);
