// hardgen-expect: none
// hardgen-near-miss: js/missing-token-validation
const express = require('express');
const cookieParser = require('cookie-parser');

const app = express();
app.use(cookieParser());
app.use(express.json());

const notes = [];

// The API authenticates with a bearer token, not with cookies, so a cross-site form cannot use it.
app.post('/api/notes', (req, res) => {
  if (req.get('authorization') !== `Bearer ${process.env.API_TOKEN}`) {
    return res.sendStatus(401);
  }
  notes.push({ id: notes.length + 1 });
  res.status(201).json({ id: notes.length });
});

app.listen(3000);
