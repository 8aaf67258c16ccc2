// hardgen-expect: none
// hardgen-near-miss: js/type-confusion-through-parameter-tampering
const express = require('express');
const app = express();
// extended: false parses with querystring: body values are strings (or arrays only via repeated keys
// in the query string, which CodeQL does not model for the body)
app.use(express.urlencoded({ extended: false }));

app.post('/feedback', (req, res) => {
  if (req.body.comment && req.body.comment.length > 500) {
    return res.status(400).send('Comment too long');
  }
  res.status(204).end();
});

app.listen(3000);
