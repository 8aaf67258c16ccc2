// hardgen-expect: none
// hardgen-near-miss: js/missing-rate-limiting
const express = require('express');
const fs = require('fs');
const path = require('path');

const app = express();

function loadTerms() {
  return fs.readFileSync(path.join(__dirname, 'static', 'terms.txt'), 'utf8');
}

// CodeQL attributes the file read to loadTerms, which is not a route handler.
app.get('/terms', (req, res) => {
  res.type('text/plain').send(loadTerms());
});

app.listen(3000);
