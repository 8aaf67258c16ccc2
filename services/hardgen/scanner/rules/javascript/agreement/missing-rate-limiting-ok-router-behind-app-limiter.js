// hardgen-expect: none
// hardgen-near-miss: js/missing-rate-limiting
const express = require('express');
const { Pool } = require('pg');
const rateLimit = require('express-rate-limit');

const app = express();
const router = express.Router();
const pool = new Pool({ connectionString: process.env.DATABASE_URL });

app.use(rateLimit({ windowMs: 60 * 1000, max: 60 }));

router.get('/orders', async (req, res) => {
  const result = await pool.query('SELECT id, total FROM orders ORDER BY id DESC LIMIT 50');
  res.json(result.rows);
});

app.use('/api', router);
app.listen(3000);
