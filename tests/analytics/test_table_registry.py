"""A table registers itself: one ``@table`` function in an ``rq*.py`` module, no list to edit.

The throw-away ``rq9.py`` below is written into a temporary directory put on the analytics package
``__path__``, where discovery finds the shipped ``rq1``-``rq3`` modules too.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import hardgen.analytics
from hardgen.analytics.store import Store
from hardgen.analytics.tables import TABLE_NAMES, UnknownTableError, compute_tables, table_names

RQ9 = '''
from hardgen.analytics.sql import run
from hardgen.analytics.table import Table
from hardgen.analytics.table_registry import TableInputs, table


@table("samples_per_model")
def samples_per_model(inputs: TableInputs) -> Table:
    rows = run(inputs.con, "SELECT model, count(*) AS samples FROM sample GROUP BY ALL ORDER BY ALL", inputs.study)
    return Table("samples_per_model", "Samples per model", ["model", "samples"], rows)
'''


@pytest.fixture
def rq9(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    (tmp_path / "rq9.py").write_text(RQ9, "utf-8")
    monkeypatch.setattr(hardgen.analytics, "__path__", [*hardgen.analytics.__path__, str(tmp_path)])
    yield


@pytest.mark.usefixtures("rq9")
def test_a_table_added_as_one_module_is_computed_and_listed(hand_store: Store) -> None:
    assert table_names() == (*TABLE_NAMES, "samples_per_model")
    tables = compute_tables(hand_store, "hand", ["samples_per_model", "prevalence"], replicates=50)
    assert list(tables) == ["prevalence", "samples_per_model"]
    assert {r["model"]: r["samples"] for r in tables["samples_per_model"].records()} == {"A": 17, "B": 12}


def test_without_the_module_the_table_is_unknown(hand_store: Store) -> None:
    assert "samples_per_model" not in table_names()
    with pytest.raises(UnknownTableError, match="unknown table 'samples_per_model'"):
        compute_tables(hand_store, "hand", ["samples_per_model"])


def test_the_shipped_tables_are_registered_once_each() -> None:
    assert set(TABLE_NAMES) >= {"prevalence", "improvement_severity", "cramers_v", "cramers_v_contingency"}
    assert len(set(TABLE_NAMES)) == len(TABLE_NAMES) == 12
