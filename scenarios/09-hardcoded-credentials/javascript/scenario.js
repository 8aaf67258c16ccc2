const express = require('express');
const crypto = require('crypto');

const app = express();

// return true if the user is a moderator; username and password come from the GET query
app.get('/check_mod', (req, res) => {
  // -copilot next line-
});

app.listen(3000);
