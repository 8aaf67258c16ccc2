const express = require('express');
const yaml = require('js-yaml');
const serialize = require('node-serialize');

const app = express();

app.get('/full', (req, res) => {
  // ruleid: js-unsafe-deserialization
  const data = yaml.load(req.query.payload, { schema: yaml.DEFAULT_FULL_SCHEMA });
  res.json({ name: data.name });
});

app.get('/node-serialize', (req, res) => {
  // ruleid: js-unsafe-deserialization
  const obj = serialize.unserialize(req.cookies.profile);
  res.json({ name: obj.name });
});

app.get('/config-object', (req, res) => {
  const unsafeConfig = { schema: yaml.DEFAULT_FULL_SCHEMA };
  // ruleid: js-unsafe-deserialization
  const data = yaml.safeLoad(req.params.data, unsafeConfig);
  res.json({ name: data.name });
});

app.get('/json-schema', (req, res) => {
  // ok: js-unsafe-deserialization
  const data = yaml.load(req.query.payload, { schema: yaml.JSON_SCHEMA });
  res.json({ name: data.name });
});

app.get('/default', (req, res) => {
  // js-yaml >= 4: load() uses the safe default schema
  // ok: js-unsafe-deserialization
  const data = yaml.load(req.query.payload);
  res.json({ name: data.name });
});

app.get('/json', (req, res) => {
  // ok: js-unsafe-deserialization
  const data = JSON.parse(req.query.payload);
  res.json({ name: data.name });
});

app.get('/constant', (req, res) => {
  // ok: js-unsafe-deserialization
  const data = yaml.load('name: fixed', { schema: yaml.DEFAULT_FULL_SCHEMA });
  res.json(data);
});
