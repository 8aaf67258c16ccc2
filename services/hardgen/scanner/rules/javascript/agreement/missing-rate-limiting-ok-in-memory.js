// hardgen-expect: none
// hardgen-near-miss: js/missing-rate-limiting
const express = require('express');
const app = express();

const todos = [{ id: 1, title: 'Write report', done: false }];

// Served from memory: nothing expensive to throttle.
app.get('/todos', (req, res) => {
  res.json(todos.filter((t) => !t.done));
});

app.listen(3000);
