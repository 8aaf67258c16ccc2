"""The adapter registry: one DuckDB table ``adapters`` in ``models_dir()/modelserve.duckdb`` plus the
adapter files under ``models_dir()/adapters/<id>``.

Its own DuckDB file (not the analytics database) because the model server and the CLI write it
while analytics may hold its database open; each call opens and closes a short connection so two
processes rarely contend for the file lock, and a busy lock is retried briefly.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from hardgen.core.settings import models_dir

SCHEMA = """
CREATE TABLE IF NOT EXISTS adapters (
    id VARCHAR PRIMARY KEY,
    provider VARCHAR NOT NULL,          -- local | openai | gemini
    base_model VARCHAR NOT NULL,
    base_fingerprint VARCHAR,
    language VARCHAR,                   -- '' = all languages
    path VARCHAR,                       -- adapter folder (local) or '' (hosted)
    remote_model_id VARCHAR,            -- the provider's tuned model id (hosted)
    status VARCHAR NOT NULL,            -- succeeded | running | failed
    dataset_hash VARCHAR,
    examples INTEGER,
    dropped_examples INTEGER,
    initial_loss DOUBLE,
    final_loss DOUBLE,
    config JSON,
    metrics JSON,
    created_at VARCHAR
)
"""


@dataclass
class AdapterRecord:
    """One registered adapter (a local LoRA or a hosted fine-tune)."""

    id: str
    provider: str
    base_model: str
    language: str = ""
    path: str = ""
    remote_model_id: str = ""
    status: str = "succeeded"
    base_fingerprint: str = ""
    dataset_hash: str = ""
    examples: int = 0
    dropped_examples: int = 0
    initial_loss: float | None = None
    final_loss: float | None = None
    config: dict[str, Any] = field(default_factory=dict)
    metrics: dict[str, Any] = field(default_factory=dict)
    created_at: str = ""
    #: Not stored: True when a fine-tune found this adapter already trained with the same
    #: configuration and returned it instead of training again.
    reused: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


_COLUMNS = [
    "id", "provider", "base_model", "base_fingerprint", "language", "path", "remote_model_id", "status",
    "dataset_hash", "examples", "dropped_examples", "initial_loss", "final_loss", "config", "metrics",
    "created_at",
]


def registry_path() -> Path:
    return models_dir() / "modelserve.duckdb"


class AdapterRegistry:
    """Read and write adapter records; safe to use from several processes one call at a time."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or registry_path()

    @contextmanager
    def _connect(self, read_only: bool = False) -> Iterator[Any]:
        import duckdb

        self.path.parent.mkdir(parents=True, exist_ok=True)
        if read_only and not self.path.exists():
            read_only = False
        deadline = time.monotonic() + 10
        while True:
            try:
                con = duckdb.connect(str(self.path), read_only=read_only)
                break
            except duckdb.IOException:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        try:
            if not read_only:
                con.execute(SCHEMA)
            yield con
        finally:
            con.close()

    def register(self, record: AdapterRecord) -> AdapterRecord:
        """Insert or replace ``record`` (by id)."""
        row = asdict(record)
        row["config"] = json.dumps(record.config, default=str)
        row["metrics"] = json.dumps(record.metrics, default=str)
        placeholders = ", ".join("?" for _ in _COLUMNS)
        with self._connect() as con:
            con.execute(
                f"INSERT OR REPLACE INTO adapters ({', '.join(_COLUMNS)}) VALUES ({placeholders})",  # noqa: S608
                [row[c] for c in _COLUMNS],
            )
        return record

    def list(self, base_model: str | None = None) -> list[AdapterRecord]:
        with self._connect() as con:
            rows = con.execute(
                # hardgen: ignore[py/sql-injection] the column list is the module's _COLUMNS constant
                f"SELECT {', '.join(_COLUMNS)} FROM adapters ORDER BY created_at, id"  # noqa: S608
            ).fetchall()
        records = [self._record(r) for r in rows]
        return [r for r in records if base_model is None or r.base_model == base_model]

    def get(self, adapter_id: str) -> AdapterRecord | None:
        with self._connect() as con:
            row = con.execute(
                # hardgen: ignore[py/sql-injection] the columns are the _COLUMNS constant; the id is bound as ?
                f"SELECT {', '.join(_COLUMNS)} FROM adapters WHERE id = ?", [adapter_id]  # noqa: S608
            ).fetchone()
        return self._record(row) if row else None

    def delete(self, adapter_id: str) -> bool:
        with self._connect() as con:
            found = con.execute("SELECT count(*) FROM adapters WHERE id = ?", [adapter_id]).fetchone()
            con.execute("DELETE FROM adapters WHERE id = ?", [adapter_id])
        return bool(found and found[0])

    @staticmethod
    def _record(row: tuple[Any, ...]) -> AdapterRecord:
        data = dict(zip(_COLUMNS, row, strict=True))
        data["config"] = json.loads(data["config"] or "{}")
        data["metrics"] = json.loads(data["metrics"] or "{}")
        for key in ("language", "path", "remote_model_id", "base_fingerprint", "dataset_hash", "created_at"):
            data[key] = data[key] or ""
        data["examples"] = int(data["examples"] or 0)
        data["dropped_examples"] = int(data["dropped_examples"] or 0)
        return AdapterRecord(**data)
