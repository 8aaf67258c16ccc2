const express = require('express');

const app = express();
const ALLOWED = ['/home', '/settings'];

app.get('/a', (req, res) => {
  // ruleid: js-server-side-unvalidated-url-redirection
  res.redirect(req.query.next);
});

app.get('/b', (req, res) => {
  const target = req.query.returnTo || '/';
  // ruleid: js-server-side-unvalidated-url-redirection
  res.redirect(302, target);
});

app.get('/c', (req, res) => {
  // ruleid: js-server-side-unvalidated-url-redirection
  res.location(req.get('referer')).sendStatus(302);
});

app.get('/d', (req, res) => {
  // ok: js-server-side-unvalidated-url-redirection
  res.redirect('/profile/' + req.params.id);
});

app.get('/e', (req, res) => {
  const target = req.query.next;
  if (!ALLOWED.includes(target)) {
    return res.redirect('/');
  }
  // ok: js-server-side-unvalidated-url-redirection
  res.redirect(target);
});

app.get('/f', (req, res) => {
  // ok: js-server-side-unvalidated-url-redirection
  res.redirect('/login');
});
