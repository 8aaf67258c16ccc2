// hardgen-expect: js/reflected-xss, js/untrusted-data-to-external-api
const express = require('express');
const app = express();

app.get('/profile/:username', (req, res) => {
  res.setHeader('Content-Type', 'text/html');
  res.write('<html><body>');
  res.write('<h2>Profile of ' + req.params.username + '</h2>');
  res.end('</body></html>');
});

app.listen(3000);
