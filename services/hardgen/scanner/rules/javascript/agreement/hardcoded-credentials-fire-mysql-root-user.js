// hardgen-expect: js/hardcoded-credentials, js/missing-rate-limiting
const express = require('express');
const mysql = require('mysql');

const app = express();

const connection = mysql.createConnection({
  host: 'localhost',
  user: 'root',
  password: '',
  database: 'shop',
});
connection.connect();

app.get('/products', (req, res) => {
  connection.query('SELECT id, name, price FROM products', (err, rows) => {
    if (err) {
      return res.status(500).json({ error: 'Database error' });
    }
    res.json(rows);
  });
});

app.listen(3000);
