const express = require('express');
const yaml = require('js-yaml');

const app = express();

// deserialize the incoming YAML payload (GET variable "payload") and return the field "name"
app.get('/api', (req, res) => {
  try {
    const doc = yaml.load(req.query.payload, { schema: yaml.CORE_SCHEMA });
    res.send('Name: ' + doc.name);
  } catch (e) {
    res.status(400).send(e.stack);
  }
});

app.listen(3000);
