// hardgen-expect: js/untrusted-data-to-external-api
const express = require('express');
const bcrypt = require('bcrypt');

const app = express();
app.use(express.json());

const users = new Map();

app.post('/register', async (req, res) => {
  const { username, password } = req.body;
  if (typeof username !== 'string' || typeof password !== 'string') {
    return res.status(400).json({ error: 'username and password are required' });
  }
  if (users.has(username)) {
    return res.status(409).json({ error: 'User already exists' });
  }
  const hash = await bcrypt.hash(password, 12);
  users.set(username, hash);
  res.status(201).json({ message: 'Registered' });
});

app.listen(3000);
