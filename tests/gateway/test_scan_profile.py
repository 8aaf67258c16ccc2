"""``POST /v1/scans`` with a scan profile, through the real scanner service.

The gateway's scanner runs a one-rule pack, so the findings of each profile are checked in
``tests/scanner/test_profiles.py``; here the profile must reach the scanner (which answers with the
profile it filtered with) and a bad one must be refused by the gateway.
"""

from __future__ import annotations

import httpx

from tests.gateway.test_gateway import assert_error

FILES = [{"path": "app/run.py", "content": "def run(q):\n    return q\n"}]


def test_scans_forward_the_profile(http: httpx.Client) -> None:
    default = http.post("/v1/scans", json={"files": FILES})
    assert default.status_code == 200, default.text
    assert default.json()["profile"] == "default"
    extended = http.post("/v1/scans", json={"files": FILES, "profile": "extended"})
    assert extended.status_code == 200, extended.text
    assert extended.json()["profile"] == "extended"
    assert_error(http.post("/v1/scans", json={"files": FILES, "profile": "strict"}), 422, "validation_error")
