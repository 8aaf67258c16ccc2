// hardgen-expect: none
// hardgen-near-miss: js/reflected-xss
const express = require('express');
const app = express();

app.get('/page', (req, res) => {
  const page = parseInt(req.query.page, 10) || 1;
  res.send(`<p>You are on page ${page}</p>`);
});

app.listen(3000);
