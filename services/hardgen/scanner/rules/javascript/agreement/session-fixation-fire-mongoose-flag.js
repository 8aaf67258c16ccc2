// hardgen-expect: js/clear-text-cookie, js/session-fixation, js/untrusted-data-to-external-api
const express = require('express');
const session = require('express-session');
const mongoose = require('mongoose');
const bcrypt = require('bcryptjs');
const csrf = require('csurf');
const rateLimit = require('express-rate-limit');

const User = mongoose.model('User', new mongoose.Schema({ email: String, passwordHash: String }));

const app = express();
app.use(express.json());
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
app.use(csrf());
app.use(rateLimit({ windowMs: 15 * 60 * 1000, max: 20 }));

app.post('/api/login', async (req, res) => {
  const user = await User.findOne({ email: String(req.body.email) });
  if (!user || !bcrypt.compareSync(String(req.body.password), user.passwordHash)) {
    return res.status(401).json({ message: 'Invalid email or password' });
  }
  req.session.isAuthenticated = true;
  req.session.email = user.email;
  res.json({ message: 'Logged in' });
});

mongoose.connect(process.env.MONGO_URL).then(() => app.listen(3000));
