"""The in-process scanner answers through the same port, with the same errors, as the scanner service."""

from __future__ import annotations

import pytest

from hardgen.core.clients.scanner import ScannerPort, ScannerRequestError
from hardgen.core.scenarios import get_scenario
from hardgen.scanner.inprocess import InProcessScanner


def test_an_insecure_reference_is_flagged_and_a_secure_one_is_not() -> None:
    scenario = get_scenario(1, "python")
    insecure = scenario.reference_code(scenario.insecure[0])
    secure = scenario.reference_code(scenario.secure[0])
    port: ScannerPort = InProcessScanner(timeout=120)
    response = port.scan([("bad/app.py", insecure, "python"), ("good/app.py", secure, "python")], engines=["semgrep"])
    flagged = {f.path for f in response.findings}
    assert flagged == {"bad/app.py"}, [(f.path, f.rule_id) for f in response.findings]
    assert response.files_scanned == 2 and all(f.rule_id and f.cwes for f in response.findings)


def test_a_bad_request_is_the_clients_request_error() -> None:
    with pytest.raises(ScannerRequestError, match="bogus"):
        InProcessScanner().scan([("a.py", "x = 1\n", "python")], engines=["bogus"])
    with pytest.raises(ScannerRequestError, match="cobol"):
        InProcessScanner().scan([("a.cob", "x", "cobol")])
