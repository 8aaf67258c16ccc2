// hardgen-expect: js/missing-rate-limiting
const express = require('express');
const { Pool } = require('pg');

const app = express();
const router = express.Router();
const pool = new Pool({ connectionString: process.env.DATABASE_URL });

router.get('/orders', async (req, res) => {
  try {
    const result = await pool.query('SELECT id, total FROM orders ORDER BY id DESC LIMIT 50');
    res.json(result.rows);
  } catch (err) {
    res.status(500).json({ error: 'Could not load orders' });
  }
});

app.use('/api', router);
app.listen(3000);
