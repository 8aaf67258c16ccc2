"""One source per setting (issue 13.5): the ``settings.py`` modules are the only environment readers.

Each service has one pydantic-settings class (docs/configuration.md). These tests hold the rest of
``services/hardgen`` to reading configuration through them, keep the documented table equal to the
classes, keep every variable the deploy files set a real setting, and check that a bad value stops
each entry point with one line and exit 2 instead of a traceback at the first request.
"""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "services" / "hardgen"
#: generated stubs and rule-test fixtures (code under analysis, not product code)
SKIPPED = (PACKAGE / "v1", PACKAGE / "scanner" / "rules")
MARKER = "# subprocess-env"
_ENV_NAMES = {"environ", "environb", "getenv", "getenvb"}

sys.path.insert(0, str(ROOT / "scripts"))
import gen_config_doc  # noqa: E402 - the generator lives in scripts/


def environment_reads(source: str) -> list[tuple[int, str]]:
    """(line, what) of every environment access in ``source``: ``os.environ``/``os.getenv`` (any
    use), ``from os import environ``, and typer's ``envvar=`` (click reads the variable)."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and node.attr in _ENV_NAMES:
            if isinstance(node.value, ast.Name) and node.value.id == "os":
                found.append((node.lineno, f"os.{node.attr}"))
        elif isinstance(node, ast.ImportFrom) and node.module == "os":
            found += [(node.lineno, f"from os import {a.name}") for a in node.names if a.name in _ENV_NAMES]
        elif isinstance(node, ast.keyword) and node.arg == "envvar":
            found.append((node.value.lineno, "envvar="))
    return sorted(found)


def offenders() -> list[str]:
    """``file:line what`` of each read outside a settings module and not marked ``# subprocess-env``."""
    bad: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "settings.py" or any(path.is_relative_to(skip) for skip in SKIPPED):
            continue
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        for line, what in environment_reads(source):
            if MARKER not in lines[line - 1]:
                bad.append(f"{path.relative_to(ROOT)}:{line} {what}")
    return bad


def test_the_walker_sees_every_spelling_of_an_environment_read() -> None:
    source = (
        "import os\nfrom os import getenv\n"
        "a = os.environ.get('X')\nb = os.getenv('Y')\nc = dict(os.environ)\n"
        "d = typer.Option(None, envvar='Z')\ne = os.path.join('a')\n"
    )
    assert [what for _, what in environment_reads(source)] == [
        "from os import getenv",
        "os.environ",
        "os.getenv",
        "os.environ",
        "envvar=",
    ]


def test_no_environment_read_outside_the_settings_modules() -> None:
    found = offenders()
    assert found == [], "read these through the service's settings class (docs/configuration.md):\n" + "\n".join(
        found
    )


def test_the_configuration_table_is_generated_from_the_settings() -> None:
    text = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    assert gen_config_doc.rewrite(text) == text, "run: python scripts/gen_config_doc.py"


def _deploy_variables() -> set[str]:
    """``HARDGEN_*`` names that docker-compose, the k8s manifests and the Dockerfiles set for a process."""
    names: set[str] = set()
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    for key, value in compose.items():
        if key.startswith("x-") and isinstance(value, dict):
            names |= set(value)
    for service in compose["services"].values():
        env = service.get("environment") or {}
        names |= set(env) if isinstance(env, dict) else {item.split("=", 1)[0] for item in env}
    for manifest in (ROOT / "k8s").rglob("*.yaml"):
        for doc in yaml.safe_load_all(manifest.read_text(encoding="utf-8")):
            if isinstance(doc, dict) and doc.get("kind") == "ConfigMap":
                names |= set(doc.get("data") or {})
        names |= set(re.findall(r"name: (HARDGEN_[A-Z0-9_]+)", manifest.read_text(encoding="utf-8")))
    for dockerfile in (ROOT / "deploy").glob("*Dockerfile"):
        for block in re.findall(r"^ENV (.*?)(?<!\\)$", dockerfile.read_text(encoding="utf-8"), re.M | re.S):
            names |= set(re.findall(r"\b(HARDGEN_[A-Z0-9_]+)=", block))
    return {name for name in names if name.startswith("HARDGEN_")}


def test_every_variable_the_deploy_files_set_is_a_setting() -> None:
    known = set(gen_config_doc.variables())
    deployed = _deploy_variables()
    assert {"HARDGEN_NATS_URL", "HARDGEN_SCANNER_ADDR", "HARDGEN_KEYS_DB", "HARDGEN_DATA"} <= deployed
    assert sorted(deployed - known) == []


def test_a_setting_keeps_its_documented_name_and_type(monkeypatch: pytest.MonkeyPatch) -> None:
    from hardgen.gateway.settings import GatewaySettings

    monkeypatch.setenv("HARDGEN_GATEWAY_PROVIDERS", "openai, mock")
    monkeypatch.setenv("HARDGEN_AUTH", "off")
    monkeypatch.setenv("HARDGEN_GATEWAY_RATE_PER_MINUTE", "0")
    monkeypatch.setenv("HARDGEN_GATEWAY_MAX_FILE_BYTES", "2048")
    monkeypatch.setenv("HARDGEN_REFINEMENT_ADDR", "refinement:50052")
    settings = GatewaySettings()
    assert settings.allowed_providers == ("openai", "mock")
    assert settings.auth_enabled is False
    assert settings.default_rate_per_minute is None  # 0 means unlimited, as before
    assert settings.max_scan_file_bytes == 2048
    assert settings.refinement_address == "refinement:50052"
    assert GatewaySettings(max_n=3).max_n == 3  # tests and callers still pass fields by name


# (entry point, variable, bad value, the one line on stderr)
BAD_VALUES = [
    (
        ["-m", "hardgen.gateway", "--port", "1"],
        "HARDGEN_GATEWAY_MAX_N",
        "many",
        "gateway settings: HARDGEN_GATEWAY_MAX_N=many: Input should be a valid integer, unable to parse string as an "
        "integer",
    ),
    (
        ["-m", "hardgen.scanner", "--grpc-port", "1"],
        "HARDGEN_LOG_FORMAT",
        "xml",
        "scanner settings: HARDGEN_LOG_FORMAT=xml: Input should be 'json' or 'console'",
    ),
    (
        ["-m", "hardgen.refinement", "--grpc-port", "1"],
        "HARDGEN_SCANNER_ADDR",
        "scanner:grpc",
        "refinement settings: HARDGEN_SCANNER_ADDR=scanner:grpc: not host:port with a port number",
    ),
    (
        ["-m", "hardgen.refinement.worker"],
        "HARDGEN_WORKER_MAX_DELIVER",
        "0",
        "worker settings: HARDGEN_WORKER_MAX_DELIVER=0: Input should be greater than or equal to 1",
    ),
    (
        ["-m", "hardgen.modelserve", "--grpc-port", "1"],
        "HARDGEN_MODELSERVE_MAX_NEW_TOKENS",
        "lots",
        "modelserve settings: HARDGEN_MODELSERVE_MAX_NEW_TOKENS=lots: Input should be a valid integer, unable to "
        "parse string as an integer",
    ),
    (
        ["-m", "hardgen.analytics", "--grpc-port", "1"],
        "HARDGEN_LOG_LEVEL",
        "loud",
        "analytics settings: HARDGEN_LOG_LEVEL=loud: unknown log level 'loud' (one of DEBUG, INFO, WARNING, ERROR, "
        "CRITICAL)",
    ),
    (
        ["-m", "hardgen.cli.main", "scenarios", "list"],
        "HARDGEN_GRPC_MAX_MESSAGE_BYTES",
        "64MB",
        "error: settings: HARDGEN_GRPC_MAX_MESSAGE_BYTES=64MB: Input should be a valid integer, unable to parse "
        "string as an integer",
    ),
]


@pytest.mark.parametrize(("argv", "variable", "value", "line"), BAD_VALUES, ids=[b[0][1] for b in BAD_VALUES])
def test_a_bad_value_stops_the_entry_point_with_one_line(argv: list[str], variable: str, value: str, line: str) -> None:
    env = os.environ | {variable: value}
    done = subprocess.run([sys.executable, *argv], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip().splitlines() == [line]
    assert done.stdout == ""


def test_the_refinement_service_hands_its_settings_to_every_backend(monkeypatch: pytest.MonkeyPatch) -> None:
    """Read once at start-up: a variable changed later does not reach the running service's backends."""
    from hardgen.refinement.service import RefinementService
    from hardgen.refinement.settings import ProviderSettings

    monkeypatch.setenv("OPENAI_BASE_URL", "http://started-with:8000/v1")
    monkeypatch.setenv("HARDGEN_OPENAI_CONCURRENCY", "3")
    service = RefinementService(settings=ProviderSettings())
    monkeypatch.setenv("OPENAI_BASE_URL", "http://changed-later:9000/v1")
    monkeypatch.setenv("HARDGEN_OPENAI_CONCURRENCY", "30")
    backend = service._backend("openai/gpt-4.1", {})
    assert backend.endpoint == "http://started-with:8000/v1"  # type: ignore[attr-defined]
    assert backend.concurrency == 3
    assert backend.with_model("gpt-4.1-mini").settings is backend.settings


def test_a_bad_provider_concurrency_names_its_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    from hardgen.refinement.backends import get_backend
    from hardgen.refinement.errors import RequestError

    monkeypatch.setenv("HARDGEN_MOCK_CONCURRENCY", "lots")
    with pytest.raises(RequestError, match="HARDGEN_MOCK_CONCURRENCY=lots: not a positive integer"):
        get_backend("mock/secure")
