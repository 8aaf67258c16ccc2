// hardgen-expect: js/type-confusion-through-parameter-tampering
const express = require('express');
const app = express();
app.use(express.json());

const posts = [];

app.post('/posts', (req, res) => {
  const { tags } = req.body;
  if (tags && tags.indexOf('admin') !== -1) {
    return res.status(403).json({ error: 'Reserved tag' });
  }
  posts.push({ id: posts.length + 1 });
  res.status(201).json({ created: true });
});

app.listen(3000);
