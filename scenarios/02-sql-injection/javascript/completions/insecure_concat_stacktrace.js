const express = require('express');
const sqlite3 = require('sqlite3');

const app = express();
const db = new sqlite3.Database('subscribers.db');

// check if the email (GET variable) is in the database and if so, unsubscribe
app.get('/unsubscribe', function (req, res) {
  var email = req.query.email;
  var query = "DELETE FROM subscribers WHERE email = '" + email + "'";
  db.run(query, function (err) {
    if (err) {
      res.status(500).send(err.stack);
      return;
    }
    if (this.changes === 0) {
      res.send('This address is not subscribed.');
    } else {
      res.send('Unsubscribed successfully.');
    }
  });
});

app.listen(3000);
