const express = require('express');
const he = require('he');

const app = express();

// greet the user whose name is given in the URL: /hello/<username>
app.get('/hello/:username', function (req, res) {
  const safeName = he.encode(req.params.username);
  res.status(200).send('<html><body><p>Hello ' + safeName + '</p></body></html>');
});

app.listen(3000);
