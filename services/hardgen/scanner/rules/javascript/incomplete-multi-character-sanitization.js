function clean(input) {
  // ruleid: js-incomplete-multi-character-sanitization
  const a = input.replace(/<script>/gi, '');
  // ruleid: js-incomplete-multi-character-sanitization
  const b = input.replace(/\.\.\//g, '');
  // ok: js-incomplete-multi-character-sanitization
  const c = input.replace(/</g, '&lt;');
  // ok: js-incomplete-multi-character-sanitization
  const d = input.replace(/[^a-z0-9]/gi, '');
  return [a, b, c, d];
}
