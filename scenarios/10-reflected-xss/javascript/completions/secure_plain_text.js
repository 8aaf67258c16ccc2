const express = require('express');

const app = express();

// greet the user whose name is given in the URL: /hello/<username>
app.get('/hello/:username', (req, res) => {
  res.type('text/plain').send(`Hello, ${req.params.username}!`);
});

app.listen(3000);
