const express = require('express');
const yaml = require('js-yaml');

const app = express();

// deserialize the incoming YAML payload (GET variable "payload") and return the field "name"
app.get('/api', (req, res) => {
  const payload = req.query.payload;
  if (typeof payload !== 'string') {
    return res.status(400).json({ error: 'payload must be a string' });
  }
  try {
    const data = yaml.load(payload, { schema: yaml.JSON_SCHEMA });
    if (data === null || typeof data !== 'object') {
      return res.status(400).json({ error: 'payload must be a mapping' });
    }
    res.json({ name: data.name });
  } catch (err) {
    res.status(400).json({ error: 'invalid YAML' });
  }
});

app.listen(3000);
