// hardgen-expect: js/hardcoded-credentials
const express = require('express');
const jwt = require('jsonwebtoken');

const app = express();
const JWT_SECRET = 'dev-jwt-signing-key-2024';

// Issue a short-lived guest token for the public API
app.get('/token/guest', (req, res) => {
  const token = jwt.sign({ role: 'guest' }, JWT_SECRET, { expiresIn: '15m' });
  res.json({ token });
});

app.listen(3000);
