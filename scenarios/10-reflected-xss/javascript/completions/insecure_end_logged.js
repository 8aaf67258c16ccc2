const express = require('express');

const app = express();

// greet the user whose name is given in the URL: /hello/<username>
app.get('/hello/:username', (req, res) => {
  const { username } = req.params;
  console.log('Greeting ' + username);
  res.set('Content-Type', 'text/html');
  res.end(`<!DOCTYPE html><html><body><h2>Welcome, ${username}</h2></body></html>`);
});

app.listen(3000);
