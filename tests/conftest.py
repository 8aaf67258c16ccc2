"""Fixtures shared by every test area (tests/<area>/conftest.py adds the area's own)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return ROOT


@pytest.fixture(autouse=True)
def _isolated_data(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Keep every test's databases, caches and models out of the checkout's data/ folder."""
    base = tmp_path_factory.getbasetemp() / "hardgen-data"
    base.mkdir(exist_ok=True)
    if "HARDGEN_DATA" not in os.environ:
        monkeypatch.setenv("HARDGEN_DATA", str(base))
    yield
