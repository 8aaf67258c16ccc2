"""Writing samples and findings into the store, idempotently on the sample id.

Both ways in (NATS events and corpus import) go through here, so one rule holds everywhere: a
sample's row is an upsert keyed by its id, and a scan *replaces* the sample's findings. Replaying
any event any number of times, in any order, leaves the same rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from typing import Any

import duckdb

from hardgen.analytics.store import bulk_insert

SAMPLE_COLUMNS: dict[str, str] = {
    "id": "VARCHAR",
    "study": "VARCHAR",
    "language": "VARCHAR",
    "model": "VARCHAR",
    "scenario": "INTEGER",
    "technique": "VARCHAR",
    "sample_key": "VARCHAR",
    "sample_index": "INTEGER",
    "code_hash": "VARCHAR",
    "path": "VARCHAR",
    "prompt_ids": "VARCHAR[]",
    "parses": "BOOLEAN",
    "latency_ms": "DOUBLE",
    "prompt_tokens": "INTEGER",
    "completion_tokens": "INTEGER",
    "peak_memory_bytes": "BIGINT",
    "error": "VARCHAR",
    "source": "VARCHAR",
    "generated": "BOOLEAN",
    "scanned": "BOOLEAN",
}
FINDING_COLUMNS: dict[str, str] = {
    "sample_id": "VARCHAR",
    "ordinal": "INTEGER",
    "rule_id": "VARCHAR",
    "cwes": "INTEGER[]",
    "severity": "DOUBLE",
    "engine": "VARCHAR",
    "path": "VARCHAR",
    "start_line": "INTEGER",
    "end_line": "INTEGER",
    "message": "VARCHAR",
    "fingerprint": "VARCHAR",
    "count": "INTEGER",
}
# Columns a sample.generated may fill in on a placeholder row left by an earlier scan.
_GENERATED_FIELDS = [c for c in SAMPLE_COLUMNS if c not in {"id", "scanned"}]


@dataclass(slots=True)
class SampleRecord:
    id: str
    study: str
    language: str
    model: str
    scenario: int
    technique: str
    sample_key: str
    sample_index: int | None = None
    code_hash: str = ""
    path: str = ""
    prompt_ids: list[str] = field(default_factory=list)
    parses: bool | None = None
    latency_ms: float | None = None
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    peak_memory_bytes: int | None = None
    error: str = ""
    source: str = ""
    generated: bool = True
    scanned: bool = False


@dataclass(slots=True)
class FindingRecord:
    rule_id: str
    cwes: list[int]
    severity: float
    count: int = 1
    engine: str = ""
    path: str = ""
    start_line: int | None = None
    end_line: int | None = None
    message: str = ""
    fingerprint: str = ""


def ensure_study(con: duckdb.DuckDBPyConnection, name: str, source: str = "") -> None:
    con.execute("INSERT INTO studies (name, source) VALUES (?, ?) ON CONFLICT DO NOTHING", [name, source])


def upsert_sample(con: duckdb.DuckDBPyConnection, sample: SampleRecord) -> None:
    """Insert a generated sample, or complete the placeholder a scan left for it.

    ``scanned`` is never reset: a sample.generated redelivered after its scan keeps the scan.
    """
    row = _shallow(sample)
    names = list(SAMPLE_COLUMNS)
    placeholders = ", ".join("?" for _ in names)
    updates = ", ".join(f"{c} = excluded.{c}" for c in _GENERATED_FIELDS)
    con.execute(
        # hardgen: ignore[py/sql-injection] columns are the SAMPLE_COLUMNS constant; values are bound as ?
        f"INSERT INTO samples ({', '.join(names)}) VALUES ({placeholders}) "  # noqa: S608
        f"ON CONFLICT (id) DO UPDATE SET {updates}, scanned = samples.scanned OR excluded.scanned",
        [row[c] for c in names],
    )


def replace_findings(
    con: duckdb.DuckDBPyConnection,
    sample_id: str,
    study: str,
    findings: Sequence[FindingRecord],
    engines: Iterable[str] = (),
    rule_pack_version: str = "",
    errors: int = 0,
    profile: str = "",
) -> None:
    """Record one scan of a sample: its findings replace any earlier ones for the same id.

    When the scan arrives first, a placeholder sample (``generated = false``) holds the
    ``scanned`` flag until the sample.generated event fills in the rest.
    """
    con.execute("DELETE FROM findings WHERE sample_id = ?", [sample_id])
    rows = [_finding_row(sample_id, i, f) for i, f in enumerate(findings)]
    if rows:
        names = list(FINDING_COLUMNS)
        con.executemany(
            # hardgen: ignore[py/sql-injection] columns are the FINDING_COLUMNS constant; values are bound as ?
            f"INSERT INTO findings ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})",  # noqa: S608
            [[r[c] for c in names] for r in rows],
        )
    con.execute(
        "INSERT INTO scans (sample_id, study, engines, rule_pack_version, errors, profile) VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (sample_id) DO UPDATE SET engines = excluded.engines, "
        "rule_pack_version = excluded.rule_pack_version, errors = excluded.errors, "
        "profile = excluded.profile, received_at = now()",
        [sample_id, study, list(engines), rule_pack_version, errors, profile],
    )
    con.execute(
        "INSERT INTO samples (id, study, generated, scanned) VALUES (?, ?, false, true) "
        "ON CONFLICT (id) DO UPDATE SET scanned = true",
        [sample_id, study],
    )


def upsert_prompts(con: duckdb.DuckDBPyConnection, prompts: Iterable[dict[str, str]]) -> None:
    """Prompts are content-addressed (id = hash of the text), so inserting twice changes nothing."""
    for prompt in prompts:
        con.execute(
            "INSERT INTO prompts (id, step, template, template_version, text) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT DO NOTHING",
            [
                prompt["id"],
                prompt.get("step", ""),
                prompt.get("template", ""),
                prompt.get("template_version", ""),
                prompt.get("text", ""),
            ],
        )


def bulk_insert_samples(
    con: duckdb.DuckDBPyConnection, samples: Sequence[SampleRecord], findings: dict[str, list[FindingRecord]]
) -> None:
    """Insert new samples and their findings in two vectorised statements (corpus import).

    The caller has already removed ids the store holds, so no conflict can occur here.
    """
    bulk_insert(con, "samples", SAMPLE_COLUMNS, [_shallow(s) for s in samples])
    rows: list[dict[str, Any]] = []
    for sample_id, found in findings.items():
        rows.extend(_finding_row(sample_id, i, f) for i, f in enumerate(found))
    bulk_insert(con, "findings", FINDING_COLUMNS, rows)
    scans = [
        {"sample_id": s.id, "study": s.study, "engines": [], "rule_pack_version": "", "errors": 0}
        for s in samples
        if s.scanned
    ]
    bulk_insert(
        con,
        "scans",
        {
            "sample_id": "VARCHAR",
            "study": "VARCHAR",
            "engines": "VARCHAR[]",
            "rule_pack_version": "VARCHAR",
            "errors": "INTEGER",
        },
        scans,
    )


def _shallow(record: SampleRecord | FindingRecord) -> dict[str, Any]:
    """``dataclasses.asdict`` without its deep copy (which dominated a 10,000-sample import)."""
    return {f.name: getattr(record, f.name) for f in fields(record)}


def _finding_row(sample_id: str, ordinal: int, finding: FindingRecord) -> dict[str, Any]:
    return {"sample_id": sample_id, "ordinal": ordinal, **_shallow(finding)}
