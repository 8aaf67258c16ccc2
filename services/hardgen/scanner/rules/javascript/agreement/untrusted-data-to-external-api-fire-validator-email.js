// hardgen-expect: js/untrusted-data-to-external-api
const express = require('express');
const validator = require('validator');

const app = express();
app.use(express.json());

const subscribers = new Set();

app.post('/subscribe', (req, res) => {
  const email = req.body.email;
  if (!validator.isEmail(email)) {
    return res.status(400).json({ error: 'Please provide a valid email address' });
  }
  subscribers.add(email);
  res.status(201).json({ message: 'Subscribed' });
});

app.listen(3000, () => console.log('Listening on port 3000'));
