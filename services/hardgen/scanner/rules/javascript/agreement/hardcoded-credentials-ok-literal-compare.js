// hardgen-expect: none
// hardgen-near-miss: js/hardcoded-credentials
const express = require('express');
const app = express();
app.use(express.urlencoded({ extended: false }));

// A password compared with a literal is no credentials parameter of an API for CodeQL.
app.post('/admin', (req, res) => {
  if (req.body.password === 'Adm1n!Pa55-2024') {
    return res.json({ admin: true });
  }
  res.status(401).json({ admin: false });
});

app.listen(3000);
