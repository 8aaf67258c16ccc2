const express = require('express');
const winston = require('winston');

const app = express();
const logger = winston.createLogger();

app.get('/a', (req, res) => {
  const username = req.query.username;
  // ruleid: js-log-injection
  console.log('Login attempt for ' + username);
  // ruleid: js-log-injection
  logger.info(`user agent ${req.headers['user-agent']}`);
  // ruleid: js-log-injection
  console.error('failed for', req.body.name);
  res.end();
});

app.get('/b', (req, res) => {
  const username = String(req.query.username).replace(/\n|\r/g, '');
  // ok: js-log-injection
  console.log('Login attempt for ' + username);
  // ok: js-log-injection
  logger.info('request for %s', JSON.stringify(req.query.q));
  // ok: js-log-injection
  console.log('request received');
  res.end();
});
