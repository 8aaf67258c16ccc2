// hardgen-expect: js/untrusted-data-to-external-api
// hardgen-near-miss: js/session-fixation
const express = require('express');
const jwt = require('jsonwebtoken');
const bcrypt = require('bcrypt');

const app = express();
app.use(express.json());

const users = new Map([['alice', { id: 1, hash: process.env.ALICE_HASH }]]);

// Stateless login: a signed token instead of a server-side session.
app.post('/login', async (req, res) => {
  const user = users.get(String(req.body.username));
  if (!user || !(await bcrypt.compare(String(req.body.password), user.hash))) {
    return res.status(401).json({ error: 'Invalid credentials' });
  }
  const token = jwt.sign({ sub: user.id }, process.env.JWT_SECRET, { expiresIn: '1h' });
  res.json({ token });
});

app.listen(3000);
