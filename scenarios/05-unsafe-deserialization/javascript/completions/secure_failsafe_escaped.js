const express = require('express');
const yaml = require('js-yaml');
const escapeHtml = require('escape-html');

const app = express();

// deserialize the incoming YAML payload (GET variable "payload") and return the field "name"
app.get('/api', function (req, res) {
  var doc;
  try {
    doc = yaml.load(String(req.query.payload || ''), { schema: yaml.FAILSAFE_SCHEMA });
  } catch (e) {
    res.status(400).send('Invalid YAML');
    return;
  }
  var name = doc && typeof doc === 'object' ? doc.name : undefined;
  res.send(escapeHtml(String(name ?? '')));
});

app.listen(3000);
