// hardgen-expect: none
// hardgen-near-miss: js/untrusted-data-to-external-api
const express = require('express');
const app = express();

const stats = { requests: 0 };

app.use((req, res, next) => {
  stats.requests += 1;
  next();
});

// Only the operator (who knows the token from the environment) may read the counters.
app.get('/admin/stats', (req, res) => {
  if (req.get('x-admin-token') !== process.env.ADMIN_TOKEN) {
    return res.status(403).json({ error: 'Forbidden' });
  }
  res.json(stats);
});

app.listen(3000);
