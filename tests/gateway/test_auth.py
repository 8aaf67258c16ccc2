"""API keys at the gateway over real HTTP: 401 without or with a bad/revoked key, 403 for a key
without the route's scope, 429 with Retry-After for the rate limit and the daily token cap, 413
for oversized bodies, and ``hardgen keys`` managing the store the gateway reads."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from tests.gateway.conftest import Gateway

GEN = {"scenario": 1, "language": "python", "model": "mock/references", "strategy": "raw"}
SCAN = {"files": [{"path": "a.py", "content": "x = 1\n"}], "engines": ["semgrep"]}


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def error_of(response: httpx.Response, status: int) -> str:
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["request_id"] == response.headers["x-request-id"]
    return str(error["code"])


@pytest.fixture()
def anon(gateway: Gateway) -> httpx.Client:
    return httpx.Client(base_url=gateway.url, timeout=60.0)


def test_every_route_but_the_probes_needs_a_key(anon: httpx.Client, gateway: Gateway) -> None:
    assert anon.get("/healthz").status_code == 200
    assert anon.get("/openapi.json").status_code == 200
    for method, path in [("POST", "/v1/generations"), ("POST", "/v1/scans"), ("GET", "/v1/scenarios"),
                         ("GET", "/v1/strategies"), ("GET", "/metrics"), ("GET", "/v1/studies")]:  # fmt: skip
        response = anon.request(method, path, json={})
        assert error_of(response, 401) == "unauthenticated" and response.headers["www-authenticate"] == "Bearer"
    real = gateway.key("scan")
    key_id = real.split("_")[1]
    for bad in ["nonsense", "hg_000000000000_" + "x" * 43, f"hg_{key_id}_" + "y" * 43, real + "z"]:
        assert error_of(anon.post("/v1/scans", json=SCAN, headers=bearer(bad)), 401) == "invalid_key"
    assert anon.post("/v1/scans", json=SCAN, headers={"X-API-Key": real}).status_code == 200


def test_scopes(anon: httpx.Client, gateway: Gateway) -> None:
    scan_only = bearer(gateway.key("scan"))
    assert error_of(anon.post("/v1/generations", json=GEN, headers=scan_only), 403) == "forbidden"
    assert error_of(anon.get("/v1/studies", headers=scan_only), 403) == "forbidden"
    assert error_of(anon.get("/metrics", headers=scan_only), 403) == "forbidden"
    assert anon.get("/v1/scenarios", headers=scan_only).status_code == 200
    generate = bearer(gateway.key("generate"))
    assert anon.post("/v1/generations", json=GEN, headers=generate).status_code == 200
    assert error_of(anon.post("/v1/scans", json=SCAN, headers=generate), 403) == "forbidden"
    assert anon.get("/metrics", headers=bearer(gateway.admin_key)).status_code == 200


def test_rate_limit_answers_429_with_retry_after(anon: httpx.Client, gateway: Gateway) -> None:
    limited = bearer(gateway.key("scan", rate_per_minute=2))
    assert [anon.get("/v1/scenarios", headers=limited).status_code for _ in range(2)] == [200, 200]
    response = anon.get("/v1/scenarios", headers=limited)
    assert error_of(response, 429) == "rate_limited" and 1 <= int(response.headers["retry-after"]) <= 30
    # another key is not affected
    assert anon.get("/v1/scenarios", headers=bearer(gateway.key("scan"))).status_code == 200


def test_daily_token_cap(anon: httpx.Client, gateway: Gateway) -> None:
    key = gateway.key("generate", daily_tokens=100)
    first = anon.post("/v1/generations", json=GEN, headers=bearer(key))
    assert first.status_code == 200
    spent = sum(s["stats"]["prompt_tokens"] + s["stats"]["completion_tokens"] for s in first.json()["samples"])
    assert spent > 100 and gateway.keys.usage_today(key.split("_")[1]) == spent
    second = anon.post("/v1/generations", json=GEN, headers=bearer(key))
    assert error_of(second, 429) == "quota_exceeded" and int(second.headers["retry-after"]) <= 86400
    # scans spend no model tokens and stay allowed for a key with both scopes
    both = gateway.key("generate", "scan", daily_tokens=0)
    assert error_of(anon.post("/v1/generations", json=GEN, headers=bearer(both)), 429) == "quota_exceeded"
    assert anon.post("/v1/scans", json=SCAN, headers=bearer(both)).status_code == 200


def test_body_and_file_size_limits(http: httpx.Client) -> None:
    big = {"files": [{"path": "a.py", "content": "#" * (3 * 1024 * 1024)}]}
    assert error_of(http.post("/v1/scans", json=big), 413) == "too_large"

    def chunks():  # no Content-Length: the body is counted as it arrives
        yield b'{"files": [{"path": "a.py", "content": "'
        for _ in range(3):
            yield b"#" * (1024 * 1024)
        yield b'"}]}'

    response = http.post("/v1/scans", content=chunks(), headers={"content-type": "application/json"})
    assert error_of(response, 413) == "too_large"
    one_file = {"files": [{"path": "big.py", "content": "#" * (1024 * 1024 + 1)}]}
    response = http.post("/v1/scans", json=one_file)
    assert error_of(response, 400) == "limit_exceeded" and "big.py" in response.json()["error"]["message"]


def test_keys_cli_shares_the_gateway_store(
    anon: httpx.Client, gateway: Gateway, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from hardgen.cli.main import app

    monkeypatch.setenv("HARDGEN_KEYS_DB", str(gateway.keys.path))
    runner = CliRunner()
    created = runner.invoke(
        app, ["keys", "create", "--name", "ci", "--scope", "scan", "--rate", "60", "--format", "json"]
    )
    assert created.exit_code == 0, created.output
    record = json.loads(created.stdout)
    assert record["scopes"] == ["scan"] and record["key"].startswith(f"hg_{record['id']}_")
    assert anon.post("/v1/scans", json=SCAN, headers=bearer(record["key"])).status_code == 200
    listed = json.loads(runner.invoke(app, ["keys", "list", "--format", "json"]).stdout)
    assert any(k["id"] == record["id"] for k in listed) and all("key" not in k for k in listed)
    assert record["key"] not in gateway.keys.path.read_bytes().decode("latin-1")
    assert runner.invoke(app, ["keys", "revoke", record["id"]]).exit_code == 0
    assert error_of(anon.post("/v1/scans", json=SCAN, headers=bearer(record["key"])), 401) == "invalid_key"
    bad = runner.invoke(app, ["keys", "create", "--name", "x", "--scope", "root"])
    assert bad.exit_code == 2 and bad.stderr.startswith("error: scopes must be")


def test_openapi_documents_the_key_schemes(anon: httpx.Client) -> None:
    spec = anon.get("/openapi.json").json()
    assert {"bearer", "apiKey"} <= set(spec["components"]["securitySchemes"])
    scans = spec["paths"]["/v1/scans"]["post"]
    assert {"401", "403", "429"} <= set(scans["responses"]) and scans["security"]
    assert "security" not in spec["paths"]["/healthz"]["get"]


def test_unreadable_key_store_is_503_not_500(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from hardgen.gateway.app import create_app
    from hardgen.gateway.settings import GatewaySettings

    dead = "127.0.0.1:9"
    settings = GatewaySettings(refinement_address=dead, scanner_address=dead, keys_db=str(tmp_path))  # a folder
    with TestClient(create_app(settings)) as client:
        response = client.post("/v1/scans", json=SCAN, headers=bearer("hg_000000000000_" + "x" * 43))
        assert error_of(response, 503) == "auth_unavailable"
        assert client.get("/healthz").status_code == 200


def test_read_only_key_store_with_a_separate_usage_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The Kubernetes layout: keys from a read-only Secret, token counts in a writable file."""
    from fastapi.testclient import TestClient

    from hardgen.gateway.apikeys import KeyStore, KeyStoreError
    from hardgen.gateway.app import create_app
    from hardgen.gateway.settings import GatewaySettings

    keys_db = tmp_path / "secret" / "keys.sqlite"
    key = KeyStore(keys_db).create("ci", ["scan"])[1]
    usage = tmp_path / "writable" / "usage.sqlite"
    monkeypatch.setenv("HARDGEN_KEYS_READONLY", "1")
    monkeypatch.setenv("HARDGEN_KEYS_USAGE_DB", str(usage))
    before = keys_db.read_bytes()
    store = KeyStore(keys_db)
    assert store.readonly and store.verify(key) is not None
    with pytest.raises(KeyStoreError, match="read-only"):
        store.create("x", ["scan"])
    assert store.add_usage(key.split("_")[1], 7) == 7 and usage.exists()
    assert keys_db.read_bytes() == before
    dead = "127.0.0.1:9"
    settings = GatewaySettings(refinement_address=dead, scanner_address=dead, keys_db=str(keys_db))
    with TestClient(create_app(settings)) as client:
        assert client.get("/v1/scenarios", headers=bearer(key)).status_code == 200
        assert error_of(client.get("/v1/scenarios", headers=bearer(key + "x")), 401) == "invalid_key"


def test_cli_without_a_key_says_how_to_get_one(gateway: Gateway, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from hardgen.cli.main import app

    monkeypatch.delenv("HARDGEN_API_KEY", raising=False)
    args = ["generate", "-s", "1", "-l", "python", "-m", "mock/references", "--gateway", gateway.url]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2 and "gateway answered 401" in result.stderr and "HARDGEN_API_KEY" in result.stderr
