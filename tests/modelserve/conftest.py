"""Model-serving tests: module- and session-scoped fixtures (fine-tunes, servers) run before the
root conftest's per-test ``HARDGEN_DATA`` patch, so point them at the same temp folder up front."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest


@pytest.fixture(scope="session", autouse=True)
def _modelserve_data(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    base = tmp_path_factory.getbasetemp() / "hardgen-data"
    base.mkdir(exist_ok=True)
    previous = os.environ.get("HARDGEN_DATA")
    if previous is None:
        os.environ["HARDGEN_DATA"] = str(base)
    yield
    if previous is None:
        os.environ.pop("HARDGEN_DATA", None)
