"""Scan profiles on every surface: the scan API (and its cache), ``hardgen scan --profile``, SARIF,
gRPC, REST, the service's request merging and a study's ``scanner.profile``.

A rule pack of our own with one CodeQL query (``py/code-injection``) and one ``*/hardgen/*`` rule
runs in real Semgrep; the default profile must report only the first, the extended one both.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import grpc
import pytest

from hardgen.core.clients.scanner import ScannerClient
from hardgen.core.languages import Language
from hardgen.core.profiles import Profile, in_profile, parse_profile
from hardgen.core.study import SCAN_PROFILE_OPTION, StudyError, load_study
from hardgen.scanner import sarif
from hardgen.scanner.cache import ResultCache
from hardgen.scanner.engines.registry import select_engines
from hardgen.scanner.scan import Scanner, SourceInput
from hardgen.v1 import common_pb2, scanner_pb2, scanner_pb2_grpc
from tests.scanner.conftest import rules_active

CODEQL_RULE = """
rules:
  - id: py-code-injection
    languages: [python]
    severity: ERROR
    message: eval() of data
    metadata: {codeql_id: py/code-injection, cwes: [94, 95]}
    pattern: eval(...)
"""
HARDGEN_RULE = """
rules:
  - id: py-hardgen-unrestricted-file-upload
    languages: [python]
    severity: ERROR
    message: upload saved under the client's name
    metadata: {codeql_id: py/hardgen/unrestricted-file-upload, cwes: [434]}
    pattern: $F.save(...)
"""
BOTH = {"py/code-injection", "py/hardgen/unrestricted-file-upload"}


def _program() -> bytes:
    """Content the cache has never seen: one CodeQL finding (line 2), one hardgen finding (line 3)."""
    return f"def handle(q, f):\n    eval(q)\n    f.save(q)\n# {uuid.uuid4()}\n".encode()


@pytest.fixture(scope="module")
def rule_pack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Overrides the scanner tests' pack (the service fixture uses it): one rule of each profile."""
    files = {"python/code-injection.yaml": CODEQL_RULE, "python/unrestricted-file-upload.yaml": HARDGEN_RULE}
    with rules_active(tmp_path_factory.mktemp("profile-rules"), files) as root:
        yield root


def test_membership_is_derived_from_the_query_id() -> None:
    assert in_profile("py/path-injection") and in_profile("go/study/weak-hash")
    assert not in_profile("py/hardgen/user-enumeration") and in_profile("py/hardgen/user-enumeration", "extended")
    assert not in_profile("py/not-a-codeql-query")
    with pytest.raises(ValueError, match=r"^unknown scan profile 'strict' \(profiles: default, extended\)$"):
        parse_profile("strict")


def test_the_profile_filters_after_the_cache(rule_pack: Path, tmp_path: Path) -> None:
    scanner = Scanner(select_engines(["semgrep"]), cache=ResultCache(tmp_path / "cache.sqlite"))
    inputs = [SourceInput("app.py", _program(), Language.PYTHON)]
    extended = scanner.scan(inputs, profile="extended")
    assert {f.rule_id for f in extended.findings} == BOTH and extended.engine_runs == 1
    default = scanner.scan(inputs)
    assert [f.rule_id for f in default.findings] == ["py/code-injection"]
    assert default.profile == "default" and default.to_dict()["profile"] == "default"
    assert default.engine_runs == 0 and default.cache_hits == 1  # no engine re-run for another profile
    again = scanner.scan(inputs, profile=Profile.EXTENDED)
    assert {f.rule_id for f in again.findings} == BOTH and again.engine_runs == 0


# -- hardgen scan --------------------------------------------------------------------------------------


def _cli(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "hardgen.cli.main", "scan", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=180, check=False)


def test_cli_profile_json_sarif_and_usage_error(rule_pack: Path, tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "app.py").write_bytes(_program())
    default = _cli(["src", "--engine", "semgrep", "--format", "json", "--fail-on", "none"], tmp_path)
    assert default.returncode == 0, default.stderr
    report = json.loads(default.stdout)
    assert report["profile"] == "default" and {f["rule_id"] for f in report["findings"]} == {"py/code-injection"}

    extended = _cli(["src", "--engine", "semgrep", "--format", "json", "--profile", "extended"], tmp_path)
    assert extended.returncode == 1  # a critical finding with the default --fail-on high
    report = json.loads(extended.stdout)
    assert report["profile"] == "extended" and {f["rule_id"] for f in report["findings"]} == BOTH

    out = tmp_path / "out.sarif"
    args = ["src", "--engine", "semgrep", "--format", "sarif", "--profile", "extended", "-o", str(out)]
    result = _cli(args, tmp_path)
    assert result.returncode == 1 and result.stdout == ""
    document = json.loads(out.read_text(encoding="utf-8"))
    sarif.validate(document)
    run = document["runs"][0]
    assert run["properties"] == {"profile": "extended"}
    assert {r["id"] for r in run["tool"]["driver"]["rules"]} == BOTH

    bad = _cli(["src", "--profile", "strict"], tmp_path)
    assert bad.returncode == 2 and bad.stdout == "" and "strict" in bad.stderr


# -- gRPC (the gateway's REST and archive routes: tests/gateway) and request merging ------------------------


def test_grpc_profile_and_invalid_argument(scanner_service: dict[str, str]) -> None:
    files = [("app.py", _program())]
    with ScannerClient(scanner_service["grpc"]) as client:
        default = client.scan(files, engines=["semgrep"], timeout=60)
        extended = client.scan(files, engines=["semgrep"], timeout=60, profile="extended")
    assert [f.rule_id for f in default.findings] == ["py/code-injection"] and default.profile == "default"
    assert {f.rule_id for f in extended.findings} == BOTH and extended.profile == "extended"
    with grpc.insecure_channel(scanner_service["grpc"]) as channel:
        stub = scanner_pb2_grpc.ScannerStub(channel)
        request = scanner_pb2.ScanRequest(
            files=[common_pb2.SourceFile(path="a.py", content=b"x = 1\n")], profile="strict"
        )
        with pytest.raises(grpc.RpcError) as caught:
            stub.Scan(request, timeout=30)
    assert caught.value.code() is grpc.StatusCode.INVALID_ARGUMENT
    assert caught.value.details() == "unknown scan profile 'strict' (profiles: default, extended)"


def test_concurrent_requests_of_different_profiles_each_get_their_own(rule_pack: Path, tmp_path: Path) -> None:
    from hardgen.scanner.service import ScanService

    service = ScanService(Scanner(engines=[], cache=ResultCache(tmp_path / "c.sqlite")), max_concurrent=1)
    profiles = ["default", "extended", "default", "extended", None]
    results: dict[int, set[str]] = {}

    def request(k: int, profile: str | None) -> None:
        report = service.run([SourceInput(f"r{k}.py", _program(), Language.PYTHON)], ["semgrep"], 120, profile)
        results[k] = {f.rule_id for f in report.findings}

    threads = [threading.Thread(target=request, args=(k, p)) for k, p in enumerate(profiles)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=180)
    expected = {k: BOTH if p == "extended" else {"py/code-injection"} for k, p in enumerate(profiles)}
    assert results == expected


# -- study YAML ------------------------------------------------------------------------------------------


def _study(tmp_path: Path, scanner: str) -> Path:
    path = tmp_path / "study.yaml"
    path.write_text(
        f"name: s\nmodels: [hf/demo]\nlanguages: [go]\nscenarios: [1]\nstrategies: [raw]\nsamples: 1\n{scanner}",
        encoding="utf-8",
    )
    return path


def test_study_scanner_profile_reaches_the_work_items_and_not_the_model(tmp_path: Path) -> None:
    from hardgen.refinement.worker import generate_spec

    default = load_study(_study(tmp_path, ""))
    assert default.scanner.profile is Profile.DEFAULT
    assert next(default.items()).options[SCAN_PROFILE_OPTION] == "default"
    extended = load_study(_study(tmp_path, "scanner: {profile: extended}\n"))
    item = next(extended.items())
    assert item.options[SCAN_PROFILE_OPTION] == "extended"
    assert SCAN_PROFILE_OPTION not in generate_spec(item).options  # backends refuse unknown options


@pytest.mark.parametrize(
    ("scanner", "message"),
    [
        ("scanner: {profile: strict}\n", "scanner.profile: Value error, unknown scan profile 'strict'"),
        ("scanner: {profile: [default]}\n", "scanner.profile: Value error, profile must be one of default, extended"),
        ("scanner: {engine: semgrep}\n", "scanner.engine: Extra inputs are not permitted"),
    ],
)
def test_a_bad_study_profile_is_a_one_line_error(tmp_path: Path, scanner: str, message: str) -> None:
    with pytest.raises(StudyError) as caught:
        load_study(_study(tmp_path, scanner))
    assert message in str(caught.value) and "\n" not in str(caught.value)
