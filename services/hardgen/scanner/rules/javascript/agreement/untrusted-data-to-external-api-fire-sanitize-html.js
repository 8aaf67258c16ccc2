// hardgen-expect: js/untrusted-data-to-external-api
const express = require('express');
const sanitizeHtml = require('sanitize-html');

const app = express();
app.use(express.json());

const comments = [];

app.post('/comments', (req, res) => {
  const clean = sanitizeHtml(req.body.comment, { allowedTags: ['b', 'i', 'em'] });
  comments.push({ text: clean, at: Date.now() });
  res.status(201).json({ saved: true, total: comments.length });
});

app.listen(3000);
