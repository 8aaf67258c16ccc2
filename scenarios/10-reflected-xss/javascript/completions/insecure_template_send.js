const express = require('express');

const app = express();

// greet the user whose name is given in the URL: /hello/<username>
app.get('/hello/:username', (req, res) => {
  res.send(`<h1>Hello, ${req.params.username}!</h1>`);
});

app.listen(3000);
