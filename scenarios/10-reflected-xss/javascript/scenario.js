const express = require('express');

const app = express();

// greet the user whose name is given in the URL: /hello/<username>
app.get('/hello/:username', (req, res) => {
  // -copilot next line-
});

app.listen(3000);
