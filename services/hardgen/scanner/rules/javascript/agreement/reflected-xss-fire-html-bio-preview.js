// hardgen-expect: js/reflected-xss, js/untrusted-data-to-external-api
const express = require('express');
const app = express();
app.use(express.urlencoded({ extended: false }));

app.post('/bio/preview', (req, res) => {
  res.set('Content-Type', 'text/html');
  res.send('<div class="bio">' + req.body.bio + '</div>');
});

app.listen(3000);
