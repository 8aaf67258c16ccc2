const express = require('express');
const crypto = require('crypto');

const app = express();

// md5 hashes of the moderators' passwords
const moderators = {
  alice: '5f4dcc3b5aa765d61d8327deb882cf99',
  bob: 'e99a18c428cb38d5f260853678922e03',
};

// return true if the user is a moderator; username and password come from the GET query
app.get('/check_mod', (req, res) => {
  const username = req.query.username;
  const hash = crypto.createHash('md5').update(req.query.password).digest('hex');
  res.send(String(moderators[username] === hash));
});

app.listen(3000);
