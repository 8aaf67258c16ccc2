// hardgen-expect: js/hardcoded-credentials
const express = require('express');
const rateLimit = require('express-rate-limit');
const { Pool } = require('pg');

const app = express();
app.use(rateLimit({ windowMs: 60 * 1000, max: 100 }));

const dbConfig = {
  user: 'postgres',
  host: 'localhost',
  database: 'inventory',
  password: process.env.PGPASSWORD,
  port: 5432,
};
const pool = new Pool(dbConfig);

app.get('/health', async (req, res) => {
  try {
    await pool.query('SELECT 1');
    res.json({ status: 'ok' });
  } catch (err) {
    res.status(503).json({ status: 'database unavailable' });
  }
});

app.listen(3000);
