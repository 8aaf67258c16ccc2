// hardgen-expect: js/untrusted-data-to-external-api
// hardgen-near-miss: js/reflected-xss
const express = require('express');
const app = express();

app.get('/hello', (req, res) => {
  res.json({ message: `Hello, ${req.query.name || 'stranger'}!` });
});

app.listen(3000);
