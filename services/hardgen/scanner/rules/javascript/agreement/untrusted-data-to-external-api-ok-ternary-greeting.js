// hardgen-expect: none
// hardgen-near-miss: js/untrusted-data-to-external-api
const express = require('express');
const app = express();

// Greets in French when asked to, in English otherwise; the parameter only picks a constant.
app.get('/greeting', (req, res) => {
  const greeting = req.query.lang === 'fr' ? 'Bonjour' : 'Hello';
  res.json({ greeting });
});

app.listen(3000);
