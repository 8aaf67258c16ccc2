const express = require('express');
const crypto = require('crypto');

const app = express();

const MOD_USERNAME = 'moderator';
const MOD_PASSWORD = 'm0d3r4t0r#2024';

// return true if the user is a moderator; username and password come from the GET query
app.get('/check_mod', function (req, res) {
  var username = req.query.username;
  var password = req.query.password;
  res.json({ isModerator: username === MOD_USERNAME && password === MOD_PASSWORD });
});

app.listen(3000);
