"""Nothing secret leaves the gateway: a planted API key, a planted prompt and planted file contents
never appear in the gateway process's logs, and error answers carry the error body with no stack
trace, key, prompt or file content."""

from __future__ import annotations

from pathlib import Path

import httpx

from hardgen.gateway.apikeys import KeyStore
from tests.gateway.process import start_gateway, stop

PROMPT_MARK = "PLANTED-PROMPT-7f3a9c"
CONTENT_MARK = "PLANTED-CONTENT-51be02"


def test_keys_prompts_and_contents_stay_out_of_logs_and_errors(
    refinement_address: str, scanner_address: str, tmp_path: Path
) -> None:
    keys_db, log_path = tmp_path / "keys.sqlite", tmp_path / "gateway.log"
    key = KeyStore(keys_db).create("leak-test", ["generate", "scan"])[1]
    forged = key[:-6] + "AAAAAA"
    prompt = f"Write a Flask route. {PROMPT_MARK}"
    files = [{"path": "a.py", "content": f"# {CONTENT_MARK}\nimport os\nos.system(input())\n"}]
    url, proc = start_gateway(refinement_address, scanner_address, keys_db, log_path)
    try:
        with httpx.Client(base_url=url, timeout=120.0, headers={"X-API-Key": key}) as client:
            generated = client.post(
                "/v1/generations",
                json={"prompt": prompt, "language": "python", "model": "mock/references", "strategy": "raw"},
            )
            assert generated.status_code == 200, generated.text
            assert client.post("/v1/scans", json={"files": files, "engines": ["semgrep"]}).status_code == 200
            errors = [
                client.post("/v1/scans", json={"files": files}, headers={"X-API-Key": forged}),
                client.post("/v1/scans", json={"files": files}, headers={"X-API-Key": "", "Authorization": key}),
                client.post(
                    "/v1/generations",
                    json={"prompt": prompt * 400, "language": "python", "model": "mock/x", "strategy": "raw"},
                ),
                client.post(
                    "/v1/generations",
                    json={"prompt": prompt, "language": "cobol", "model": "mock/x", "strategy": "raw"},
                ),
                client.post("/v1/scans", json={"files": files, "engines": ["nosuch"]}),
                client.post("/v1/scans", content=b'{"files": [' + CONTENT_MARK.encode()),
                client.post("/v1/generations", json={"prompt": {"nested": PROMPT_MARK}, "model": 3}),
            ]
    finally:
        stop(proc)
    logs = log_path.read_text(errors="replace")
    assert "gateway_auth_rejected" in logs  # the log was written, at debug level
    for secret in (key, key.split("_", 2)[2], forged.split("_", 2)[2], PROMPT_MARK, CONTENT_MARK):
        assert secret not in logs
    for response in errors:
        assert 400 <= response.status_code < 500, response.text
        assert set(response.json()) == {"error"} and response.json()["error"]["request_id"]
        for secret in (key, forged, PROMPT_MARK, CONTENT_MARK, "Traceback", 'File "'):
            assert secret not in response.text
