// hardgen-expect: js/clear-text-cookie, js/missing-token-validation
const express = require('express');
const session = require('express-session');

const app = express();
const router = express.Router();

app.use(express.json());
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));

router.put('/settings', (req, res) => {
  if (!req.session.userId) return res.sendStatus(401);
  req.session.language = req.body.language === 'de' ? 'de' : 'en';
  res.json({ language: req.session.language });
});

app.use('/api', router);
app.listen(3000);
