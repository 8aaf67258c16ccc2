const express = require('express');

const app = express();
const MOD_PASSWORD = 'm0d3r4t0r#2024';

app.get('/check_mod', (req, res) => {
  const { username, password } = req.query;
  // ruleid: js-hardgen-hardcoded-password-comparison
  if (username === 'admin' && password === 'Mod3r@tor!9') {
    return res.send('true');
  }
  // ruleid: js-hardgen-hardcoded-password-comparison
  res.send(String(password === MOD_PASSWORD));
});

app.get('/map', (req, res) => {
  const moderators = { alice: 'Wq7!zT4m', bob: 'hunter2' };
  // ruleid: js-hardgen-hardcoded-password-comparison
  res.send(String(moderators[req.query.username] === req.query.password));
});

app.get('/ok', (req, res) => {
  const password = req.query.password;
  // ok: js-hardgen-hardcoded-password-comparison
  if (password === '') {
    return res.status(400).send('empty');
  }
  // ok: js-hardgen-hardcoded-password-comparison
  if (password === 'changeme') {
    return res.status(400).send('placeholder');
  }
  // ok: js-hardgen-hardcoded-password-comparison
  res.send(String(password === process.env.MOD_PASSWORD));
});
