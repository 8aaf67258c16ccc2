const express = require('express');
const yaml = require('js-yaml');

const app = express();

// deserialize the incoming YAML payload (GET variable "payload") and return the field "name"
app.get('/api', (req, res) => {
  if (typeof req.query.payload !== 'string') {
    return res.status(400).type('text/plain').send('payload required');
  }
  let doc;
  try {
    doc = yaml.load(req.query.payload, { schema: yaml.CORE_SCHEMA, json: true });
  } catch (err) {
    return res.status(400).type('text/plain').send('invalid YAML');
  }
  const name = doc && typeof doc.name === 'string' ? doc.name : '';
  res.type('text/plain').send(name);
});

app.listen(3000);
