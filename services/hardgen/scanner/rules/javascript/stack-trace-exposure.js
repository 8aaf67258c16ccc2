const express = require('express');

const app = express();

app.get('/a', (req, res) => {
  try {
    doWork();
  } catch (err) {
    // ruleid: js-stack-trace-exposure
    res.status(500).send(err.stack);
  }
});

app.get('/b', (req, res) => {
  db.get('SELECT 1', (err) => {
    // ruleid: js-stack-trace-exposure
    if (err) return res.status(500).json({ error: err.message, trace: err.stack });
    res.end();
  });
});

app.get('/c', (req, res) => {
  loadThing().catch((e) => {
    const details = 'Error: ' + e.stack;
    // ruleid: js-stack-trace-exposure
    res.send(details);
  });
});

app.get('/d', (req, res) => {
  try {
    doWork();
  } catch (err) {
    console.error(err.stack);
    // ok: js-stack-trace-exposure
    res.status(500).send('Internal server error');
  }
});

app.get('/e', (req, res) => {
  try {
    doWork();
  } catch (err) {
    // ok: js-stack-trace-exposure
    res.status(500).json({ error: 'failed' });
  }
});
