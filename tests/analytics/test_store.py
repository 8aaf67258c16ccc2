"""Schema migrations: applied once, recorded, and a file is brought forward in place."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from hardgen.analytics import schema
from hardgen.analytics.schema import LATEST_VERSION, MIGRATIONS, Migration, migrate
from hardgen.analytics.store import Store


def test_migrations_are_recorded_and_applied_once(tmp_path: Path) -> None:
    path = tmp_path / "a.duckdb"
    with Store(path) as store:
        recorded = store.query("SELECT version, name FROM schema_migrations ORDER BY version")
        assert recorded == [(m.version, m.name) for m in MIGRATIONS] and recorded[0] == (1, "initial")
        tables = {r[0] for r in store.query("SELECT table_name FROM information_schema.tables")}
        assert {"studies", "samples", "findings", "scans", "prompts", "adapters", "imports"} <= tables
    with Store(path) as store:  # reopening applies nothing again
        assert store.query("SELECT count(*) FROM schema_migrations") == [(len(MIGRATIONS),)]


def test_a_new_migration_brings_an_old_file_forward(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "b.duckdb"
    Store(path).close()
    extra = Migration(LATEST_VERSION + 1, "sample notes", ("ALTER TABLE samples ADD COLUMN notes VARCHAR DEFAULT ''",))
    monkeypatch.setattr(schema, "MIGRATIONS", (*MIGRATIONS, extra))
    con = duckdb.connect(str(path))
    assert migrate(con) == [LATEST_VERSION + 1]
    assert migrate(con) == []
    assert "notes" in [r[0] for r in con.execute("DESCRIBE samples").fetchall()]
    con.close()


def test_a_failing_migration_leaves_no_trace(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "c.duckdb"
    Store(path).close()
    broken = Migration(LATEST_VERSION + 1, "broken", ("CREATE TABLE t (x INTEGER)", "THIS IS NOT SQL"))
    monkeypatch.setattr(schema, "MIGRATIONS", (*MIGRATIONS, broken))
    con = duckdb.connect(str(path))
    with pytest.raises(duckdb.Error):
        migrate(con)
    assert con.execute("SELECT max(version) FROM schema_migrations").fetchone() == (LATEST_VERSION,)
    assert "t" not in {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    con.close()
