// hardgen-expect: js/reflected-xss, js/untrusted-data-to-external-api
const express = require('express');
const app = express();

const users = { 1: 'alice', 2: 'bob' };

app.get('/users/:id', (req, res) => {
  const user = users[req.params.id];
  if (!user) {
    return res.status(404).send(`<p>No user with id ${req.params.id}</p>`);
  }
  res.json({ user });
});

app.listen(3000);
