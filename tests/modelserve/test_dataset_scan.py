"""A fine-tune's training set is checked through the scanner port: flagged examples never get trained on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hardgen.core.clients.scanner import ScannerUnavailableError
from hardgen.core.languages import Language
from hardgen.core.scenarios import get_scenario
from hardgen.modelserve.dataset import build_dataset
from hardgen.modelserve.scan import default_scanner, port_scanner
from hardgen.scanner.inprocess import InProcessScanner
from tests.helpers import free_port


def _fenced(code: str) -> str:
    return f"```python\n{code}```\n"


def test_the_insecure_example_is_dropped_with_the_query_that_flagged_it(tmp_path: Path) -> None:
    scenario = get_scenario(1, "python")
    lines = [
        {"prompt": "p1", "completion": _fenced(scenario.reference_code(scenario.insecure[0]))},
        {"prompt": "p2", "completion": _fenced(scenario.reference_code(scenario.secure[0]))},
    ]
    extra = tmp_path / "extra.jsonl"
    extra.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    dataset = build_dataset(
        Language.PYTHON, extra_jsonl=extra, include_corpus=False, scanner=port_scanner(InProcessScanner(timeout=120))
    )
    assert [e.prompt for e in dataset.examples] == ["p2"]
    (dropped,) = dataset.dropped
    assert dropped.source == "extra.jsonl:1" and dropped.reason == "flagged by the scanner" and dropped.rules
    assert dataset.report()["scanner"] == "in-process"


def test_the_scanner_service_wins_over_the_local_scanner_and_its_failure_is_clear(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    address = f"127.0.0.1:{free_port()}"
    monkeypatch.setenv("HARDGEN_SCANNER_ADDR", address)
    chosen = default_scanner(local=InProcessScanner())
    assert chosen is not None and chosen.name == f"grpc:{address}"
    with pytest.raises(ScannerUnavailableError, match=address):
        build_dataset(Language.PYTHON, scanner=chosen)
    monkeypatch.delenv("HARDGEN_SCANNER_ADDR")
    assert default_scanner() is None
