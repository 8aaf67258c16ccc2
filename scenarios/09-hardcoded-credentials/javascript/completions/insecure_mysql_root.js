const express = require('express');
const crypto = require('crypto');
const mysql = require('mysql');

const app = express();

const connection = mysql.createConnection({
  host: 'localhost',
  user: 'root',
  password: 'Xk9#mQ2v!Lr7',
  database: 'forum',
});

// return true if the user is a moderator; username and password come from the GET query
app.get('/check_mod', (req, res) => {
  const username = req.query.username;
  const password = req.query.password;
  const sql = `SELECT * FROM moderators WHERE username = '${username}' AND password = '${password}'`;
  connection.query(sql, (err, results) => {
    if (err) {
      return res.status(500).send('false');
    }
    res.send(results.length > 0 ? 'true' : 'false');
  });
});

app.listen(3000);
