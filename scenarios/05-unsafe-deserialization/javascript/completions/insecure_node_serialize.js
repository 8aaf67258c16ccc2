const express = require('express');
const yaml = require('js-yaml');
const serialize = require('node-serialize');

const app = express();

// deserialize the incoming YAML payload (GET variable "payload") and return the field "name"
app.get('/api', function (req, res) {
  let obj;
  try {
    obj = serialize.unserialize(req.query.payload);
  } catch (e) {
    return res.status(400).json({ error: 'invalid payload' });
  }
  res.json({ name: obj.name });
});

app.listen(3000);
