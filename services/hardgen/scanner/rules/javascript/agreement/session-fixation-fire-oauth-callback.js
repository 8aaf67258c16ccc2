// hardgen-expect: js/clear-text-cookie, js/session-fixation, js/untrusted-data-to-external-api
const express = require('express');
const session = require('express-session');
const axios = require('axios');

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));

app.get('/login/callback', async (req, res) => {
  try {
    const response = await axios.post('https://oauth.example.com/token', {
      code: req.query.code,
      client_id: process.env.CLIENT_ID,
      client_secret: process.env.CLIENT_SECRET,
    });
    req.session.accessToken = response.data.access_token;
    res.redirect('/');
  } catch (err) {
    res.status(502).send('Login failed');
  }
});

app.listen(3000);
