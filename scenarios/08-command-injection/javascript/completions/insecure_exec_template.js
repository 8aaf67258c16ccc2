const express = require('express');
const childProcess = require('child_process');

const app = express();

// ping the URL given in the GET variable "url" and return the output of the ping command
app.get('/url/ping', (req, res) => {
  const url = req.query.url;
  childProcess.exec(`ping -c 1 ${url}`, (error, stdout, stderr) => {
    if (error) {
      return res.status(500).send('Ping failed');
    }
    res.type('text/plain').send(stdout);
  });
});

app.listen(3000);
