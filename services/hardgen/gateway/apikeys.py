"""API keys of the gateway, shared by ``hardgen keys`` and the gateway process.

A key reads ``hg_<id>_<secret>``. Only the id and a scrypt hash of the secret (per-key salt) are
stored, so a copy of the store does not give anyone a usable key; the full key is shown once, at
creation. Lookups go by id and the hash is compared with :func:`hmac.compare_digest`. The store is
a small SQLite file (``HARDGEN_KEYS_DB``, default ``<data>/keys.sqlite``) that the CLI writes and
the gateway reads: revoking a key in the CLI takes effect on the gateway's next request, because
the gateway re-reads the key's row every time and only caches the (slow) KDF result.

Deployments with a read-only root file system and several gateway replicas mount the key store
read-only (a Kubernetes Secret made with ``hardgen keys create`` against a local file): it is then
opened read-only (``HARDGEN_KEYS_READONLY=1``, or automatically when the file is not writable), and
the daily token counts go to a separate writable file, ``HARDGEN_KEYS_USAGE_DB`` (per replica).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from hardgen.gateway.settings import KeySettings

SCOPES = ("generate", "scan", "study", "admin")
PREFIX = "hg"
_KEY = re.compile(r"^hg_([0-9a-f]{12})_([A-Za-z0-9_-]{20,100})$")
# scrypt cost: ~30-60 ms and 16 MiB per verification, cheap for one request, slow for guessing.
_SCRYPT = {"n": 2**14, "r": 8, "p": 1, "maxmem": 64 * 1024 * 1024, "dklen": 32}
_CACHE_TTL_S = 300.0
_CACHE_MAX = 4096

_SCHEMA = """
CREATE TABLE IF NOT EXISTS api_keys (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    scopes TEXT NOT NULL,
    salt BLOB NOT NULL,
    hash BLOB NOT NULL,
    rate_per_minute REAL,
    daily_tokens INTEGER,
    created_at TEXT NOT NULL,
    revoked_at TEXT
);
"""
_USAGE_SCHEMA = """
CREATE TABLE IF NOT EXISTS api_key_usage (
    key_id TEXT NOT NULL,
    day TEXT NOT NULL,
    tokens INTEGER NOT NULL,
    PRIMARY KEY (key_id, day)
);
"""


class KeyStoreError(RuntimeError):
    """A wrong request to the store (unknown id, bad scope); the message is for people."""


@dataclass(frozen=True)
class ApiKey:
    """One key's record (never the secret)."""

    id: str
    name: str
    scopes: tuple[str, ...]
    rate_per_minute: float | None
    daily_tokens: int | None
    created_at: str
    revoked_at: str | None

    def allows(self, scope: str) -> bool:
        """``admin`` is every scope."""
        return scope in self.scopes or "admin" in self.scopes

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "name": self.name,
            "scopes": list(self.scopes),
            "rate_per_minute": self.rate_per_minute,
            "daily_tokens": self.daily_tokens,
            "created_at": self.created_at,
            "revoked_at": self.revoked_at,
        }


def keys_db_path() -> Path:
    """``HARDGEN_KEYS_DB``, else ``<data>/keys.sqlite``."""
    return KeySettings().keys_path


def parse_key(token: str) -> tuple[str, str] | None:
    """``(id, secret)`` of a well-formed key, else None (no store access for garbage)."""
    match = _KEY.match(token.strip())
    return (match.group(1), match.group(2)) if match else None


def _hash(secret: str, salt: bytes) -> bytes:
    return hashlib.scrypt(secret.encode("utf-8"), salt=salt, **_SCRYPT)  # type: ignore[arg-type]


def _today() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d")


class KeyStore:
    """The SQLite key store. Connections are opened per operation (the gateway serves requests
    from a thread pool; SQLite connections must not be shared across threads)."""

    def __init__(
        self, path: Path | str | None = None, usage_path: Path | str | None = None, readonly: bool | None = None
    ) -> None:
        configured = KeySettings()  # what an argument leaves open comes from HARDGEN_KEYS_*
        self.path = Path(path) if path is not None else configured.keys_path
        self.usage_path = Path(usage_path or configured.keys_usage_db or self.path)
        if readonly is None:
            readonly = configured.keys_readonly or (self.path.exists() and not os.access(self.path, os.W_OK))
        self.readonly = readonly
        self._verified: dict[bytes, float] = {}
        self._lock = threading.Lock()
        self._ready: set[tuple[Path, str]] = set()

    @contextmanager
    def _connect(self, path: Path, schema: str, readonly: bool) -> Iterator[sqlite3.Connection]:
        if readonly:
            conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=10.0)
        else:
            if (path, schema) not in self._ready:
                path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(path, timeout=10.0)
        try:
            if not readonly and (path, schema) not in self._ready:
                conn.executescript(schema)
                self._ready.add((path, schema))
            with conn:
                yield conn
        finally:
            conn.close()

    def _db(self) -> Any:
        return self._connect(self.path, _SCHEMA, self.readonly)

    def _usage_db(self) -> Any:
        return self._connect(self.usage_path, _USAGE_SCHEMA, False)

    def create(
        self,
        name: str,
        scopes: Iterable[str],
        rate_per_minute: float | None = None,
        daily_tokens: int | None = None,
    ) -> tuple[ApiKey, str]:
        """Create a key; returns its record and the full key, which is not stored anywhere."""
        if self.readonly:
            raise KeyStoreError(f"the key store {self.path} is read-only here; create keys where it is written")
        chosen = tuple(dict.fromkeys(s.strip().lower() for s in scopes if s.strip()))
        unknown = [s for s in chosen if s not in SCOPES]
        if not chosen or unknown:
            raise KeyStoreError(f"scopes must be some of {', '.join(SCOPES)} (got {', '.join(chosen) or 'none'})")
        if rate_per_minute is not None and rate_per_minute <= 0:
            raise KeyStoreError("--rate must be positive (requests per minute)")
        if daily_tokens is not None and daily_tokens < 0:
            raise KeyStoreError("--daily-tokens must be zero or more")
        key_id = secrets.token_hex(6)
        secret = secrets.token_urlsafe(32)
        salt = os.urandom(16)
        created = datetime.now(UTC).isoformat(timespec="seconds")
        with self._db() as conn:
            conn.execute(
                "INSERT INTO api_keys VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)",
                (key_id, name, ",".join(chosen), salt, _hash(secret, salt), rate_per_minute, daily_tokens, created),
            )
        record = ApiKey(key_id, name, chosen, rate_per_minute, daily_tokens, created, None)
        return record, f"{PREFIX}_{key_id}_{secret}"

    def revoke(self, key_id: str) -> ApiKey:
        if self.readonly:
            raise KeyStoreError(f"the key store {self.path} is read-only here; revoke keys where it is written")
        with self._db() as conn:
            cur = conn.execute(
                "UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                (datetime.now(UTC).isoformat(timespec="seconds"), key_id),
            )
            if cur.rowcount == 0 and self.get(key_id, conn) is None:
                raise KeyStoreError(f"no key with id {key_id!r}")
        record = self.get(key_id)
        assert record is not None
        return record

    def get(self, key_id: str, conn: sqlite3.Connection | None = None) -> ApiKey | None:
        query = (
            "SELECT id, name, scopes, rate_per_minute, daily_tokens, created_at, revoked_at FROM api_keys WHERE id = ?"
        )
        if conn is None:
            with self._db() as own:
                row = own.execute(query, (key_id,)).fetchone()
        else:
            row = conn.execute(query, (key_id,)).fetchone()
        return _record(row) if row else None

    def list(self) -> list[ApiKey]:
        with self._db() as conn:
            rows = conn.execute(
                "SELECT id, name, scopes, rate_per_minute, daily_tokens, created_at, revoked_at FROM api_keys "
                "ORDER BY created_at, id"
            ).fetchall()
        return [_record(r) for r in rows]

    def verify(self, token: str) -> ApiKey | None:
        """The key's record when ``token`` is a valid, unrevoked key; else None."""
        parsed = parse_key(token)
        if parsed is None:
            return None
        key_id, secret = parsed
        with self._db() as conn:
            row = conn.execute(
                "SELECT id, name, scopes, rate_per_minute, daily_tokens, created_at, revoked_at, salt, hash "
                "FROM api_keys WHERE id = ?",
                (key_id,),
            ).fetchone()
        if row is None or row[6] is not None:
            return None
        salt, stored = bytes(row[7]), bytes(row[8])
        # the cache key binds the secret to this row's hash, so a re-created id never matches
        fingerprint = hashlib.sha256(stored + secret.encode("utf-8")).digest()
        now = time.monotonic()
        with self._lock:
            cached = self._verified.get(fingerprint, 0.0) > now
        if not cached:
            if not hmac.compare_digest(_hash(secret, salt), stored):
                return None
            with self._lock:
                if len(self._verified) >= _CACHE_MAX:
                    self._verified.clear()
                self._verified[fingerprint] = now + _CACHE_TTL_S
        return _record(row[:7])

    def add_usage(self, key_id: str, tokens: int) -> int:
        """Add model tokens spent today by a key; returns today's total."""
        day = _today()
        with self._usage_db() as conn:
            conn.execute(
                "INSERT INTO api_key_usage VALUES (?, ?, ?) "
                "ON CONFLICT(key_id, day) DO UPDATE SET tokens = tokens + excluded.tokens",
                (key_id, day, max(0, int(tokens))),
            )
            row = conn.execute(
                "SELECT tokens FROM api_key_usage WHERE key_id = ? AND day = ?", (key_id, day)
            ).fetchone()
        return int(row[0])

    def usage_today(self, key_id: str) -> int:
        with self._usage_db() as conn:
            row = conn.execute(
                "SELECT tokens FROM api_key_usage WHERE key_id = ? AND day = ?", (key_id, _today())
            ).fetchone()
        return int(row[0]) if row else 0


def _record(row: tuple[object, ...]) -> ApiKey:
    key_id, name, scopes, rate, daily, created, revoked = row
    return ApiKey(
        id=str(key_id),
        name=str(name),
        scopes=tuple(str(scopes).split(",")),
        rate_per_minute=float(rate) if rate is not None else None,  # type: ignore[arg-type]
        daily_tokens=int(daily) if daily is not None else None,  # type: ignore[call-overload]
        created_at=str(created),
        revoked_at=str(revoked) if revoked is not None else None,
    )
