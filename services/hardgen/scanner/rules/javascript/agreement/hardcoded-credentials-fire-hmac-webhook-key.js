// hardgen-expect: js/hardcoded-credentials, js/untrusted-data-to-external-api
const express = require('express');
const crypto = require('crypto');

const app = express();
app.use(express.json());

const WEBHOOK_KEY = 'whk_4f9a8c2e7b1d';

app.post('/webhook', (req, res) => {
  const expected = crypto.createHmac('sha256', WEBHOOK_KEY).update(JSON.stringify(req.body)).digest('hex');
  const received = req.get('x-signature') || '';
  if (received !== expected) {
    return res.status(401).json({ error: 'Bad signature' });
  }
  res.json({ received: true });
});

app.listen(3000);
