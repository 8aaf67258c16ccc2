const express = require('express');

const app = express();

// greet the user whose name is given in the URL: /hello/<username>
app.get('/hello/:username', (req, res) => {
  const { username } = req.params;
  res.json({ message: `Hello, ${username}!` });
});

app.listen(3000);
