function issue(res) {
  // ruleid: js-insecure-randomness
  const token = Math.random().toString(36).slice(2);
  // ruleid: js-insecure-randomness
  res.cookie('remember', Math.random().toString(36));
  // ok: js-insecure-randomness
  const jitter = Math.floor(Math.random() * 100);
  // ok: js-insecure-randomness
  const sessionId = require('crypto').randomBytes(32).toString('hex');
  return [token, jitter, sessionId];
}
