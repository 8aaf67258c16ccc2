const fs = require('fs');

function register(req, res) {
  const { username, password } = req.body;
  // ruleid: js-clear-text-storage-of-sensitive-data
  fs.appendFileSync('users.txt', `${username}:${password}\n`);
  // ruleid: js-clear-text-storage-of-sensitive-data
  res.cookie('pw', password);
  // ok: js-clear-text-storage-of-sensitive-data
  fs.appendFileSync('users.txt', `${username}:${hashedPassword}\n`);
  // ok: js-clear-text-storage-of-sensitive-data
  fs.writeFileSync('audit.log', 'password changed for ' + username);
  res.end();
}
