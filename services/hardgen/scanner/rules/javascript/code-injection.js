const express = require('express');
const vm = require('vm');

const app = express();

app.get('/eval', (req, res) => {
  // ruleid: js-code-injection
  const result = eval(req.query.expr);
  res.json({ result });
});

app.get('/function', (req, res) => {
  // ruleid: js-code-injection
  const fn = new Function('x', req.body.code);
  res.json({ result: fn(1) });
});

app.get('/vm', (req, res) => {
  // ruleid: js-code-injection
  res.json({ result: vm.runInNewContext(req.query.code, {}) });
});

app.get('/ok', (req, res) => {
  // ok: js-code-injection
  const result = eval('1 + 1');
  // ok: js-code-injection
  const parsed = JSON.parse(req.query.data);
  res.json({ result, parsed });
});
