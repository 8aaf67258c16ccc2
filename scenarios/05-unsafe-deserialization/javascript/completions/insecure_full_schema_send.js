const express = require('express');
const yaml = require('js-yaml');

const app = express();

// deserialize the incoming YAML payload (GET variable "payload") and return the field "name"
app.get('/api', (req, res) => {
  const yamlPayload = req.query.payload;
  const data = yaml.load(yamlPayload, { schema: yaml.DEFAULT_FULL_SCHEMA });
  res.send(data.name);
});

app.listen(3000);
