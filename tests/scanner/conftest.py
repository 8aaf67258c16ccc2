"""Scanner test fixtures: a small rule pack of our own, and real servers on loopback ports.

Service/CLI tests run real Semgrep against a tiny rule pack written here (``HARDGEN_RULES``), so
they do not depend on the project's rule packs while those grow; the agreement test uses the
real packs.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import pytest

RULES = {
    "python/py-code-injection.yaml": """
rules:
  - id: py-code-injection
    languages: [python]
    severity: ERROR
    message: eval() of data
    metadata: {codeql_id: py/code-injection, cwes: [94, 95]}
    pattern: eval(...)
""",
    "python/py-sql-injection.yaml": """
rules:
  - id: py-sql-injection
    languages: [python]
    severity: ERROR
    message: SQL built with string formatting
    metadata: {codeql_id: py/sql-injection, cwes: [89]}
    patterns:
      - pattern: $CUR.execute($Q % ..., ...)
""",
    "python/py-unsafe-deserialization.yaml": """
rules:
  - id: py-unsafe-deserialization
    languages: [python]
    severity: ERROR
    message: yaml.load without a safe loader
    metadata: {codeql_id: py/unsafe-deserialization, cwes: [502]}
    pattern: yaml.load(...)
""",
    "javascript/js-code-injection.yaml": """
rules:
  - id: js-code-injection
    languages: [javascript]
    severity: ERROR
    message: eval() of data
    metadata: {codeql_id: js/code-injection, cwes: [94]}
    pattern: eval(...)
""",
}

INSECURE_PY = b"import os\n\ndef run(q):\n    return eval(q)\n"
CLEAN_PY = b"def add(a, b):\n    return a + b\n"


@contextmanager
def rules_active(root: Path, files: Mapping[str, str]) -> Iterator[Path]:
    """Write ``files`` (path under ``root`` → rule YAML) and make ``root`` the rule packs
    (``HARDGEN_RULES``) until the block ends, for fixtures of any scope (monkeypatch is per test)."""
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text.lstrip(), encoding="utf-8")
    previous = os.environ.get("HARDGEN_RULES")
    os.environ["HARDGEN_RULES"] = str(root)
    try:
        yield root
    finally:
        if previous is None:
            os.environ.pop("HARDGEN_RULES", None)
        else:
            os.environ["HARDGEN_RULES"] = previous


@contextmanager
def packaged_rules_active() -> Iterator[None]:
    """The project's own rule packs until the block ends, whatever a test module set
    ``HARDGEN_RULES`` to (the agreement tests measure the real packs)."""
    previous = os.environ.pop("HARDGEN_RULES", None)
    try:
        yield
    finally:
        if previous is not None:
            os.environ["HARDGEN_RULES"] = previous


@pytest.fixture(scope="module")
def rule_pack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A tiny rule pack, active (HARDGEN_RULES) for the requesting test module only, so that other
    test modules (rule packs, refinement) keep scanning with the real packs."""
    with rules_active(tmp_path_factory.mktemp("rules"), RULES) as root:
        yield root


@pytest.fixture(scope="session")
def scan_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("scan-cache")


@pytest.fixture(scope="module")
def scanner_service(rule_pack: Path, scan_cache_dir: Path) -> Iterator[dict[str, str]]:
    """The real gRPC server (in this process) on a free loopback port; gRPC is the scanner's only
    protocol (REST for people is the gateway's ``POST /v1/scans``)."""
    from hardgen.scanner.cache import ResultCache
    from hardgen.scanner.scan import Scanner
    from hardgen.scanner.service import ScanService, create_grpc_server
    from tests.helpers import free_port

    service = ScanService(Scanner(engines=[], cache=ResultCache(scan_cache_dir / "service.sqlite")))
    grpc_port = free_port()
    grpc_server = create_grpc_server(service, grpc_port)
    grpc_server.start()
    yield {"grpc": f"127.0.0.1:{grpc_port}"}
    grpc_server.stop(grace=1).wait()
