const express = require('express');

const app = express();

// greet the user whose name is given in the URL: /hello/<username>
app.get('/hello/:username', function (req, res) {
  var name = decodeURIComponent(req.params.username);
  res.write('<html><body>');
  res.write('<p>Hello ' + name + '</p>');
  res.end('</body></html>');
});

app.listen(3000);
