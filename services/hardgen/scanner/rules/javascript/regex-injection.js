const express = require('express');
const _ = require('lodash');

const app = express();

app.get('/search', (req, res) => {
  // ruleid: js-regex-injection
  const re = new RegExp(req.query.q, 'i');
  // ruleid: js-regex-injection
  const re2 = RegExp('^' + req.query.prefix);
  res.json({ a: re.test('x'), b: re2.test('y') });
});

app.get('/safe', (req, res) => {
  // ok: js-regex-injection
  const re = new RegExp(_.escapeRegExp(req.query.q), 'i');
  const escaped = String(req.query.prefix).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // ok: js-regex-injection
  const re2 = new RegExp('^' + escaped);
  // ok: js-regex-injection
  const re3 = new RegExp('^[a-z]+$');
  res.json({ a: re.test('x'), b: re2.test('y'), c: re3.test('z') });
});
