// hardgen-expect: js/reflected-xss, js/untrusted-data-to-external-api
const express = require('express');
const app = express();

const ARTICLES = ['Intro to Node', 'Express tips', 'Async patterns'];

app.get('/search', (req, res) => {
  const q = String(req.query.q || '');
  const hits = ARTICLES.filter((a) => a.toLowerCase().includes(q.toLowerCase()));
  res.send('<p>Results for ' + q + ':</p><ul>' + hits.map((h) => `<li>${h}</li>`).join('') + '</ul>');
});

app.listen(3000);
