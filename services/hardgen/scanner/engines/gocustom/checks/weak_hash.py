"""``go/study/weak-hash`` (CWE-327, 328, 916): the study script's weak password hashing check.

A fast digest (``md5``, ``sha1``, ``sha256``, ``sha512``: ``.Sum*(x)``, or ``h := X.New()`` then
``h.Write(x)`` / ``h.WriteString(x)`` / ``io.WriteString(h, x)`` / ``fmt.Fprint(f)(h, ...)``)
applied to a password-like value: an identifier or field named like
pass/password/passwd/pwd/secret (not ``...Hash``/``...Salt``), a value read under such a key
(``r.FormValue("password")``, ``q.Get("pwd")``, ``os.Getenv("DB_PASSWORD")``), or anything
assigned from those. Salting does not help: a fast hash is still brute-forced at billions of
guesses per second. Hashing other data (an e-mail, a file) with SHA-256 is not reported: the
script's scope, which gave it precision 1.00 on the held-out labels.
"""

from __future__ import annotations

import re
from typing import Any

from hardgen.scanner.engines.gocustom.taint import PASSWORD, Check, FunctionScan

_HASH_PACKAGES = frozenset({"md5", "sha1", "sha256", "sha512"})
_HASH_SUM = re.compile(r"^Sum(224|256|384|512|512_224|512_256)?$")
_HASH_NEW = re.compile(r"^New(224|384|512_224|512_256)?$")
_WRITERS = frozenset({("io", "WriteString"), ("fmt", "Fprint"), ("fmt", "Fprintf"), ("fmt", "Fprintln")})


class WeakHash(Check):
    """A password hashed with a fast digest."""

    rule_id = "go/study/weak-hash"
    cwes = (327, 328, 916)

    def _hashers(self, scan: FunctionScan) -> set[str]:
        hashers: set[str] = scan.facts.setdefault(self.rule_id, set())
        return hashers

    def on_assign(self, scan: FunctionScan, names: list[str], call: Any, pkg: str, member: str) -> None:
        if pkg in _HASH_PACKAGES and _HASH_NEW.match(member) and names:
            self._hashers(scan).add(names[0])

    def on_call(self, scan: FunctionScan, call: Any, pkg: str, member: str, args: list[Any]) -> None:
        hashers = self._hashers(scan)
        hashed: list[Any] = []
        label = ""
        if pkg in _HASH_PACKAGES and _HASH_SUM.match(member) and args:
            hashed, label = args[:1], f"{pkg}.{member}"
        elif member in ("Write", "WriteString") and pkg in hashers and args:
            hashed, label = args[:1], f"{pkg}.{member} on a fast hash"
        elif (pkg, member) in _WRITERS and len(args) >= 2 and args[0].text.decode(errors="replace") in hashers:
            hashed, label = args[1:], f"{pkg}.{member} into a fast hash"
        if any(PASSWORD in scan.taint_of(n) for n in hashed):
            scan.report(
                self,
                call,
                f"{label} hashes a password with a fast digest; use bcrypt, scrypt or argon2id (slow, salted) instead.",
            )


CHECK = WeakHash()
