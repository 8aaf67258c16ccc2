const crypto = require('crypto');
const md5 = require('md5');
const bcrypt = require('bcrypt');

function register(req, res) {
  const password = req.body.password;
  // ruleid: js-insufficient-password-hash
  const a = crypto.createHash('md5').update(password).digest('hex');
  // ruleid: js-insufficient-password-hash
  const b = crypto.createHash('sha256').update(salt + req.body.password).digest('hex');
  // ruleid: js-insufficient-password-hash
  const c = md5(password);
  const h = crypto.createHash('sha1');
  // ruleid: js-insufficient-password-hash
  h.update(req.body.newPassword);
  return [a, b, c, h];
}

async function good(req, res) {
  const password = req.body.password;
  // ok: js-insufficient-password-hash
  const a = await bcrypt.hash(password, 12);
  // ok: js-insufficient-password-hash
  const b = crypto.scryptSync(password, crypto.randomBytes(16), 64);
  // ok: js-insufficient-password-hash
  const c = crypto.pbkdf2Sync(password, salt, 600000, 32, 'sha256');
  // ok: js-insufficient-password-hash
  const etag = crypto.createHash('sha256').update(req.body.document).digest('hex');
  return [a, b, c, etag];
}
