// hardgen-expect: js/missing-rate-limiting
const express = require('express');
const path = require('path');
const rateLimit = require('express-rate-limit');

const app = express();

app.get('/manual', (req, res) => {
  res.download(path.join(__dirname, 'files', 'manual.pdf'));
});

// Installed after the route above, so it does not guard it.
app.use(rateLimit({ windowMs: 60 * 1000, max: 30 }));

app.listen(3000);
