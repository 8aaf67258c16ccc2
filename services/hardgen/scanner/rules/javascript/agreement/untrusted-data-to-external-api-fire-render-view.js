// hardgen-expect: js/untrusted-data-to-external-api
const express = require('express');
const path = require('path');

const app = express();
app.set('view engine', 'ejs');
app.set('views', path.join(__dirname, 'views'));

// Render the search page with the term the user typed
app.get('/search', (req, res) => {
  const term = req.query.q || '';
  res.render('search', { term: term, results: [] });
});

app.listen(3000);
