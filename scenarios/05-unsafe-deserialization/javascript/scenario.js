const express = require('express');
const yaml = require('js-yaml');

const app = express();

// deserialize the incoming YAML payload (GET variable "payload") and return the field "name"
app.get('/api', (req, res) => {
  // -copilot next line-
});

app.listen(3000);
