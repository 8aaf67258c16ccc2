// hardgen-expect: none
// hardgen-near-miss: js/untrusted-data-to-external-api
const express = require('express');
const app = express();

const FEATURES = { darkMode: true, beta: false };

// Reports whether a feature flag is on; only a status code goes back.
app.get('/features/:name', (req, res) => {
  const enabled = Object.prototype.hasOwnProperty.call(FEATURES, req.params.name) && FEATURES[req.params.name] === true;
  res.sendStatus(enabled ? 204 : 404);
});

app.listen(3000);
