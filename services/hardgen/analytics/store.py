"""The DuckDB store: one file, opened once per process, migrated on open.

DuckDB allows one writing process per file, and a connection must not be used by two threads at
once; the service therefore shares one :class:`Store` whose lock serialises the event consumer and
the gRPC handlers. The CLI opens the file directly (stop the service first, or point the CLI at the
gateway with ``--server``).
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from hardgen.analytics.schema import migrate
from hardgen.core.settings import db_path


class Store:
    """A migrated DuckDB connection plus the lock that makes it safe to share between threads."""

    def __init__(self, path: str | Path | None = None, read_only: bool = False) -> None:
        target = str(path) if path is not None else str(db_path())
        if target != ":memory:":
            Path(target).parent.mkdir(parents=True, exist_ok=True)
        self.path = target
        self.con = duckdb.connect(target, read_only=read_only)
        self.lock = threading.RLock()
        if not read_only:
            migrate(self.con)

    def close(self) -> None:
        with self.lock:
            self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """All statements inside commit together or not at all."""
        with self.lock:
            self.con.execute("BEGIN TRANSACTION")
            try:
                yield self.con
            except BaseException:
                self.con.execute("ROLLBACK")
                raise
            self.con.execute("COMMIT")

    def query(self, sql: str, params: Sequence[Any] | None = None) -> list[tuple[Any, ...]]:
        with self.lock:
            return self.con.execute(sql, params or []).fetchall()

    def query_dicts(self, sql: str, params: Sequence[Any] | None = None) -> list[dict[str, Any]]:
        with self.lock:
            cursor = self.con.execute(sql, params or [])
            names = [d[0] for d in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def bulk_insert(
    con: duckdb.DuckDBPyConnection, table: str, columns: dict[str, str], rows: Sequence[dict[str, Any]]
) -> None:
    """Insert many rows at once through a temporary NDJSON file.

    ``executemany`` goes row by row (seconds for 10,000 rows); ``read_json`` is one vectorised scan,
    and it handles list columns and NULLs that a numpy hand-off would not.
    """
    if not rows:
        return
    fd, name = tempfile.mkstemp(suffix=".jsonl", prefix="hardgen-bulk-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps({c: row.get(c) for c in columns}, default=str))
                handle.write("\n")
        spec = ", ".join(f"'{c}': '{t}'" for c, t in columns.items())
        names = ", ".join(columns)
        con.execute(
            # hardgen: ignore[py/sql-injection] table and columns are schema constants; the file name is bound
            f"INSERT INTO {table} ({names}) SELECT {names} FROM read_json(?, format='newline_delimited', "  # noqa: S608
            f"columns={{{spec}}})",
            [name],
        )
    finally:
        os.unlink(name)
