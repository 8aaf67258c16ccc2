"""Result cache: an unchanged file is never scanned twice by the same engine and rule pack.

Key = sha256(content sha256, language, engine name, engine version), where the engine version
includes the tool version and the rule-pack hash. Values are the file's findings (path left
blank, re-attached on read) — an empty list is cached too, since "clean" is also a result.
Files with an engine error are not cached, so they are retried next time.

SQLite (WAL, busy timeout) because the CLI, the service and the tests may share one cache
directory from several processes; DuckDB allows only one writing process at a time.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
import time
from collections.abc import Iterable
from pathlib import Path

from hardgen.core.findings import Finding
from hardgen.core.logging import get_logger
from hardgen.core.settings import cache_dir

log = get_logger(__name__)


def cache_key(content_sha256: str, language: str, engine: str, engine_version: str) -> str:
    basis = "\x1f".join([content_sha256, language, engine, engine_version])
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()


class ResultCache:
    """A small thread-safe key → findings store in ``<cache_dir>/scan-results.sqlite``."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or cache_dir() / "scan-results.sqlite"
        self._lock = threading.Lock()
        self.persistent = True
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, timeout=30, check_same_thread=False, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
        except (OSError, sqlite3.Error) as exc:
            # The cache only saves time: an unwritable cache folder (a read-only container root with no
            # volume on HARDGEN_CACHE) must not fail the scan, which the CLI would report as exit 1.
            log.warning("cache.unavailable", path=str(self.path), error=str(exc), fallback="in-memory")
            self.persistent = False
            self._db = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, findings TEXT NOT NULL, created REAL)"
        )

    def get_many(self, keys: Iterable[str]) -> dict[str, list[Finding]]:
        """Cached findings for the keys present (missing keys are simply absent)."""
        wanted = list(dict.fromkeys(keys))
        found: dict[str, list[Finding]] = {}
        with self._lock:
            for start in range(0, len(wanted), 500):
                part = wanted[start : start + 500]
                marks = ",".join("?" * len(part))
                # hardgen: ignore[py/sql-injection] only '?' placeholders are interpolated; the keys are bound
                rows = self._db.execute(f"SELECT key, findings FROM results WHERE key IN ({marks})", part)  # noqa: S608
                for key, payload in rows.fetchall():
                    try:
                        found[key] = [Finding.model_validate(item) for item in json.loads(payload)]
                    except ValueError:
                        log.warning("cache.corrupt_entry", key=key[:12])
        return found

    def put_many(self, entries: dict[str, list[Finding]]) -> None:
        now = time.time()
        rows = [
            (key, json.dumps([f.model_dump(exclude={"level"}) | {"path": ""} for f in findings]), now)
            for key, findings in entries.items()
        ]
        if not rows:
            return
        with self._lock:
            self._db.execute("BEGIN")
            self._db.executemany("INSERT OR REPLACE INTO results (key, findings, created) VALUES (?, ?, ?)", rows)
            self._db.execute("COMMIT")

    def clear(self) -> None:
        with self._lock:
            self._db.execute("DELETE FROM results")

    def close(self) -> None:
        with self._lock:
            self._db.close()
