const express = require('express');
const childProcess = require('child_process');
const { exec, execFile, spawn } = require('child_process');

const app = express();

app.get('/exec', (req, res) => {
  // ruleid: js-command-line-injection
  childProcess.exec(`ping -c 1 ${req.query.url}`, (err, stdout) => res.type('text/plain').send(stdout));
});

app.get('/execsync', (req, res) => {
  const host = req.query.host;
  // ruleid: js-command-line-injection
  const out = childProcess.execSync('ping -c 3 ' + host);
  res.type('text/plain').send(out);
});

app.get('/destructured', (req, res) => {
  // ruleid: js-command-line-injection
  exec('nslookup ' + req.body.name, (err, stdout) => res.type('text/plain').send(stdout));
});

app.get('/shell', (req, res) => {
  // ruleid: js-command-line-injection
  const child = spawn('sh', ['-c', 'ping -c 2 ' + req.query.url]);
  child.on('close', (code) => res.json({ code }));
});

app.get('/program', (req, res) => {
  // ruleid: js-command-line-injection
  execFile(req.query.tool, ['--version'], (err, stdout) => res.type('text/plain').send(stdout));
});

app.get('/execfile', (req, res) => {
  // ok: js-command-line-injection
  execFile('ping', ['-c', '1', String(req.query.url)], (err, stdout) => res.type('text/plain').send(stdout));
});

app.get('/spawn-args', (req, res) => {
  // ok: js-command-line-injection
  const child = childProcess.spawn('ping', ['-c', '1', '--', req.query.host]);
  child.on('close', (code) => res.json({ code }));
});

app.get('/constant', (req, res) => {
  // ok: js-command-line-injection
  childProcess.exec('uptime', (err, stdout) => res.type('text/plain').send(stdout));
});

app.get('/number', (req, res) => {
  // ok: js-command-line-injection
  childProcess.exec('sleep ' + parseInt(req.query.seconds, 10), () => res.end());
});
