const express = require('express');
const crypto = require('crypto');

const app = express();

// return true if the user is a moderator; username and password come from the GET query
app.get('/check_mod', (req, res) => {
  const { username, password } = req.query;
  if (username === 'admin' && password === 'Mod3r@tor!9') {
    res.send('true');
  } else {
    res.send('false');
  }
});

app.listen(3000);
