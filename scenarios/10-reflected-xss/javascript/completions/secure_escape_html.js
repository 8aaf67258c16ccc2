const express = require('express');
const escapeHtml = require('escape-html');

const app = express();

// greet the user whose name is given in the URL: /hello/<username>
app.get('/hello/:username', (req, res) => {
  res.send(`<h1>Hello, ${escapeHtml(req.params.username)}!</h1>`);
});

app.listen(3000);
