"""Versioned schema of the analytics store.

Migrations are ordered ``(version, name, statements)`` entries applied once each and recorded in
``schema_migrations``; a new column or table is a new entry at the end, never an edit of an old
one, so any existing database file can be brought forward in place.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "initial",
        (
            """
            CREATE TABLE studies (
                name        VARCHAR PRIMARY KEY,
                created_at  TIMESTAMP DEFAULT current_timestamp,
                source      VARCHAR DEFAULT '',
                description VARCHAR DEFAULT ''
            )
            """,
            # One row per generated sample. ``generated`` is false for a placeholder created by a
            # scan.completed that arrived before its sample.generated.
            """
            CREATE TABLE samples (
                id                VARCHAR PRIMARY KEY,
                study             VARCHAR NOT NULL,
                language          VARCHAR,
                model             VARCHAR,
                scenario          INTEGER,
                technique         VARCHAR,
                sample_key        VARCHAR,
                sample_index      INTEGER,
                code_hash         VARCHAR,
                path              VARCHAR,
                prompt_ids        VARCHAR[],
                parses            BOOLEAN,
                latency_ms        DOUBLE,
                prompt_tokens     INTEGER,
                completion_tokens INTEGER,
                peak_memory_bytes BIGINT,
                error             VARCHAR DEFAULT '',
                source            VARCHAR DEFAULT '',
                generated         BOOLEAN DEFAULT false,
                scanned           BOOLEAN DEFAULT false,
                created_at        TIMESTAMP DEFAULT current_timestamp
            )
            """,
            "CREATE INDEX samples_study ON samples (study)",
            # Findings of a sample are replaced as a whole by each scan, so a redelivered scan
            # event rewrites the same rows instead of adding to them.
            """
            CREATE TABLE findings (
                sample_id    VARCHAR NOT NULL,
                ordinal      INTEGER NOT NULL,
                rule_id      VARCHAR DEFAULT '',
                cwes         INTEGER[],
                severity     DOUBLE NOT NULL,
                engine       VARCHAR DEFAULT '',
                path         VARCHAR DEFAULT '',
                start_line   INTEGER,
                end_line     INTEGER,
                message      VARCHAR DEFAULT '',
                fingerprint  VARCHAR DEFAULT '',
                count        INTEGER NOT NULL DEFAULT 1,
                PRIMARY KEY (sample_id, ordinal)
            )
            """,
            """
            CREATE TABLE scans (
                sample_id         VARCHAR PRIMARY KEY,
                study             VARCHAR,
                engines           VARCHAR[],
                rule_pack_version VARCHAR DEFAULT '',
                errors            INTEGER DEFAULT 0,
                received_at       TIMESTAMP DEFAULT current_timestamp
            )
            """,
            """
            CREATE TABLE prompts (
                id               VARCHAR PRIMARY KEY,
                step             VARCHAR DEFAULT '',
                template         VARCHAR DEFAULT '',
                template_version VARCHAR DEFAULT '',
                text             VARCHAR DEFAULT ''
            )
            """,
            """
            CREATE TABLE adapters (
                name       VARCHAR PRIMARY KEY,
                base_model VARCHAR DEFAULT '',
                path       VARCHAR DEFAULT '',
                metadata   VARCHAR DEFAULT '{}',
                created_at TIMESTAMP DEFAULT current_timestamp
            )
            """,
            # One row per imported manifest file: re-importing the same bytes is a no-op.
            """
            CREATE TABLE imports (
                study       VARCHAR NOT NULL,
                sha256      VARCHAR NOT NULL,
                manifest    VARCHAR DEFAULT '',
                mode        VARCHAR DEFAULT '',
                samples     INTEGER DEFAULT 0,
                imported_at TIMESTAMP DEFAULT current_timestamp,
                PRIMARY KEY (study, sha256)
            )
            """,
        ),
    ),
    # Provenance of imported findings (``corpus import --sarif``): the SARIF file and the tool
    # (name, version) whose results the study's tables then count, e.g. CodeQL 2.20.1.
    Migration(
        2,
        "imports-provenance",
        (
            "ALTER TABLE imports ADD COLUMN findings_source VARCHAR DEFAULT ''",
            "ALTER TABLE imports ADD COLUMN tool VARCHAR DEFAULT ''",
            "ALTER TABLE imports ADD COLUMN tool_version VARCHAR DEFAULT ''",
        ),
    ),
    # The scan profile of each scan (default: CodeQL-compatible ids only; extended), so the report
    # can say what produced the findings it counts.
    Migration(3, "scans-profile", ("ALTER TABLE scans ADD COLUMN profile VARCHAR DEFAULT ''",)),
)

LATEST_VERSION = MIGRATIONS[-1].version


def migrate(con: Any) -> list[int]:
    """Apply every migration not yet recorded; returns the versions applied now."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP DEFAULT current_timestamp)"
    )
    done = {row[0] for row in con.execute("SELECT version FROM schema_migrations").fetchall()}
    applied: list[int] = []
    for migration in MIGRATIONS:
        if migration.version in done:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            for statement in migration.statements:
                con.execute(statement)
            con.execute(
                "INSERT INTO schema_migrations (version, name) VALUES (?, ?)",
                [migration.version, migration.name],
            )
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        applied.append(migration.version)
    return applied
