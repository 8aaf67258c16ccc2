const express = require('express');

const app = express();

// greet the user whose name is given in the URL: /hello/<username>
app.get('/hello/:username', (req, res) => {
  const username = req.params.username.replace(/<script>/gi, '');
  res.status(200).send('<p>Hello ' + username + '!</p>');
});

app.listen(3000);
