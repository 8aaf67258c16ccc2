"""``POST /v1/fixes`` over real HTTP: the refinement service's Fix over gRPC, the real scanner
(Semgrep, with the gateway tests' one-rule pack: ``py/path-injection``), the mock backend and the
tiny hf model; limits, auth scopes, token accounting and the documented statuses. A rejected
candidate that adds findings needs the full rule pack: ``tests/refinement/test_fix.py``."""

from __future__ import annotations

from typing import Any

import httpx

from hardgen.core.fixes import apply_replacements, replacements
from hardgen.core.languages import Language, parses
from hardgen.core.scenarios import get_scenario
from tests.gateway.conftest import Gateway
from tests.gateway.test_gateway import assert_error, model_registry  # noqa: F401 - hf/tiny

SCENARIO = get_scenario(1, "python")
INSECURE = SCENARIO.reference_code(SCENARIO.insecure[0])


def fix_body(**fields: Any) -> dict[str, Any]:
    files = [{"path": "app/download.py", "content": INSECURE}, {"path": "docs/notes.txt", "content": "hello\n"}]
    return {"files": files, "model": "mock/secure", "engines": ["semgrep"]} | fields


def test_fix_is_verified_and_returned_with_its_diff(http: httpx.Client) -> None:
    response = http.post("/v1/fixes", json=fix_body())
    assert response.status_code == 200, response.text
    data = response.json()
    files = {f["path"]: f for f in data["files"]}
    fixed = files["app/download.py"]
    assert fixed["outcome"] == "fixed" and fixed["remaining"] == []
    assert [f["rule_id"] for f in fixed["findings"]] == ["py/path-injection"]
    assert parses(fixed["fixed_code"], Language.PYTHON) and fixed["fixed_code"] != INSECURE
    assert fixed["diff"].startswith("--- a/app/download.py\n+++ b/app/download.py\n")
    assert apply_replacements(INSECURE, replacements(INSECURE, fixed["fixed_code"])) == fixed["fixed_code"]
    assert fixed["model_calls"] == 1 and fixed["tokens"] > 0
    assert files["docs/notes.txt"]["outcome"] == "unsupported"
    assert data["exit_code"] == 0


def test_a_model_error_leaves_the_file_untouched_and_says_so(http: httpx.Client) -> None:
    # a finding, but not a corpus program: the mock backend fails on it, as a broken model would
    own = "from flask import request\n\n\ndef read():\n    return open('/srv/' + request.args['f']).read()\n"
    response = http.post("/v1/fixes", json=fix_body(files=[{"path": "own.py", "content": own}]))
    assert response.status_code == 200, response.text
    (item,) = response.json()["files"]
    assert item["outcome"] == "skipped" and "model error" in item["reason"]
    assert item["fixed_code"] == "" and item["remaining"] == item["findings"] != []
    assert response.json()["exit_code"] == 1


def test_fix_errors_limits_and_documented_statuses(http: httpx.Client) -> None:
    assert_error(http.post("/v1/fixes", json=fix_body(strategy="raw")), 400, "bad_request", "fix starts from the file")
    assert_error(http.post("/v1/fixes", json=fix_body(model="replay/../x")), 400, "not_allowed")
    assert_error(http.post("/v1/fixes", json=fix_body(options={"base_url": "http://x"})), 400, "not_allowed")
    many = [{"path": f"f{i}.py", "content": "x = 1\n"} for i in range(201)]
    assert_error(http.post("/v1/fixes", json=fix_body(files=many)), 400, "limit_exceeded", "201 files")
    escape = [{"path": "../etc/x.py", "content": INSECURE}]
    assert_error(http.post("/v1/fixes", json=fix_body(files=escape)), 400, "bad_request", "invalid file path")
    assert_error(http.post("/v1/fixes", json=fix_body(rounds=0)), 422, "validation_error")
    assert_error(http.post("/v1/fixes", json={"files": [], "model": "mock/secure"}), 422, "validation_error")
    operation = http.get("/openapi.json").json()["paths"]["/v1/fixes"]["post"]
    assert {"200", "400", "401", "403", "422", "429", "502", "503", "504"} <= set(operation["responses"])


def test_fixes_need_the_generate_scope_and_count_tokens(gateway: Gateway) -> None:
    with httpx.Client(base_url=gateway.url, timeout=120.0) as client:
        scan_only = {"Authorization": f"Bearer {gateway.key('scan')}"}
        assert_error(client.post("/v1/fixes", json=fix_body(), headers=scan_only), 403, "forbidden")
        capped = {"Authorization": f"Bearer {gateway.key('generate', daily_tokens=1)}"}
        first = client.post("/v1/fixes", json=fix_body(), headers=capped)
        assert first.status_code == 200, first.text
        assert_error(client.post("/v1/fixes", json=fix_body(), headers=capped), 429, "quota_exceeded")


def test_a_real_model_answer_goes_through_the_same_checks(
    http: httpx.Client,
    model_registry: Any,  # noqa: F811 - the fixture
) -> None:
    # the tiny model (trained in the test session) writes a few tokens: far too little to be the
    # file, so the candidate is rejected rather than "fixing" the finding by deleting the program
    body = fix_body(model="hf/tiny", rounds=1, max_new_tokens=6, files=fix_body()["files"][:1])
    response = http.post("/v1/fixes", json=body)
    assert response.status_code == 200, response.text
    (item,) = response.json()["files"]
    assert item["outcome"] == "unfixable" and item["fixed_code"] == ""
    assert item["model_calls"] == 1 and item["tokens"] > 0
    (attempt,) = item["attempts"]
    assert attempt["verdict"] == "rejected" and attempt["reason"]


def test_cli_fix_through_the_gateway(gateway: Gateway, tmp_path: Any, monkeypatch: Any) -> None:
    import json

    from typer.testing import CliRunner

    from hardgen.cli.main import app
    from hardgen.core.logging import configure_logging

    configure_logging("console")  # the in-process services log to stderr, not into the captured stdout
    target = tmp_path / "download.py"
    target.write_text(INSECURE)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HARDGEN_API_KEY", gateway.key("generate"))
    args = ["fix", "download.py", "-m", "mock/secure", "-e", "semgrep", "--gateway", gateway.url, "-f", "json"]
    done = CliRunner().invoke(app, [*args, "--apply"])
    assert done.exit_code == 0, done.output
    (item,) = json.loads(done.stdout)["files"]
    assert item["outcome"] == "fixed" and json.loads(done.stdout)["applied"] == ["download.py"]
    assert target.read_text() != INSECURE and parses(target.read_text(), Language.PYTHON)
    monkeypatch.setenv("HARDGEN_API_KEY", gateway.key("scan"))
    refused = CliRunner().invoke(app, args)
    assert refused.exit_code == 2 and "gateway answered 403" in refused.output
