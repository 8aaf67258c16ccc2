function login(req, res) {
  const { username, password } = req.body;
  // ruleid: js-clear-text-logging
  console.log(`Login attempt for ${username} with password ${password}`);
  // ruleid: js-clear-text-logging
  logger.debug('credentials', username, req.body.password);
  // ok: js-clear-text-logging
  console.log('Invalid password for', username);
  // ok: js-clear-text-logging
  console.log('stored hash', user.passwordHash);
  res.end();
}
