// hardgen-expect: none
// hardgen-near-miss: js/hardcoded-credentials
const express = require('express');
const rateLimit = require('express-rate-limit');
const { Pool } = require('pg');

const app = express();
app.use(rateLimit({ windowMs: 60000, max: 60 }));

const pool = new Pool({
  host: process.env.PGHOST,
  user: process.env.PGUSER,
  password: process.env.PGPASSWORD || '',
  database: process.env.PGDATABASE,
});

app.get('/count', async (req, res) => {
  const result = await pool.query('SELECT COUNT(*) AS n FROM orders');
  res.json({ orders: Number(result.rows[0].n) });
});

app.listen(3000);
