const express = require('express');
const childProcess = require('child_process');

const app = express();

// ping the URL given in the GET variable "url" and return the output of the ping command
app.get('/url/ping', function (req, res) {
  try {
    const output = childProcess.execSync('ping -c 3 ' + req.query.url).toString();
    res.send('<pre>' + output + '</pre>');
  } catch (e) {
    res.status(500).send(e.stack);
  }
});

app.listen(3000);
