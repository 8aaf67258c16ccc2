const express = require('express');
const yaml = require('js-yaml');
const jsTypes = require('js-yaml-js-types');

const app = express();
const schema = yaml.DEFAULT_SCHEMA.extend(jsTypes.all);

// deserialize the incoming YAML payload (GET variable "payload") and return the field "name"
app.get('/api', (req, res) => {
  const payload = req.query.payload;
  if (!payload || payload.length > 10000) {
    return res.status(400).json({ error: 'payload is required' });
  }
  const doc = yaml.load(payload, { schema });
  res.json({ name: doc.name });
});

app.listen(3000);
