const express = require('express');
const YAML = require('yaml');

const app = express();

// deserialize the incoming YAML payload (GET variable "payload") and return the field "name"
app.get('/api', (req, res) => {
  const { payload } = req.query;
  if (typeof payload !== 'string' || payload.length > 10000) {
    return res.status(400).json({ error: 'invalid payload' });
  }
  let doc;
  try {
    doc = YAML.parse(payload, { maxAliasCount: 50 });
  } catch {
    return res.status(400).json({ error: 'invalid YAML' });
  }
  res.json({ name: doc?.name ?? null });
});

app.listen(3000);
