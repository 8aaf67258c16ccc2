"""``hardgen generate``/``prompt``/``strategies``: every strategy against an OpenAI-compatible
loopback server, the tiny hf model and a replay manifest; one-line errors with no traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from hardgen.cli.main import app
from hardgen.core.logging import configure_logging
from hardgen.core.scenarios import get_scenario
from tests.helpers import free_port
from tests.refinement.fakeapi import FakeAPI, chat_responder

STRATEGIES = ["raw", "nep", "cot", "mp", "ft", "sast-repair", "mp+ft", "cot+sast-repair"]
SCENARIO = get_scenario(1, "python")
INSECURE = SCENARIO.reference_code(SCENARIO.insecure[0])
SECURE = SCENARIO.reference_code(SCENARIO.secure[0])


def run(*args: str) -> Any:
    configure_logging("console")  # as hardgen.cli.main.main() does: logs on stderr, stdout is JSON
    result = CliRunner().invoke(app, list(args))
    return result


def generate_json(*args: str) -> list[dict[str, Any]]:
    result = run("generate", "--format", "json", *args)
    assert result.exit_code == 0, result.output
    samples: list[dict[str, Any]] = json.loads(result.stdout)
    return samples


def model_answer(prompt: str) -> str:
    """A stand-in chat model: insecure for plain prompts, secure when asked to harden."""
    if "maximises the security" in prompt:
        return "Validate every input."
    hardened = any(word in prompt for word in ("step by step", "Do not generate", "weaknesses", "Validate every"))
    return f"```python\n{SECURE if hardened else INSECURE}```"


@pytest.mark.parametrize("strategy", STRATEGIES)
def test_generate_every_strategy_against_openai_compatible_server(
    strategy: str, api: FakeAPI, scanner_address: str, tmp_path: Path
) -> None:
    api.responder = chat_responder(model_answer)
    # scanning costs seconds per new program: scan where the strategy needs it, and the baseline
    scan = strategy in ("raw", "sast-repair", "cot+sast-repair")
    scanner = f"--scan --scanner {scanner_address}" if scan else "--scanner none"
    args = f"-s 1 -l python -m openai/gpt-4.1 -S {strategy} -n 2 {scanner}".split()
    args += ["-o", f"base_url={api.url}/v1", "--record", str(tmp_path / "m.jsonl")]
    if "ft" in strategy:
        args += ["-o", "ft_model=ft:gpt-4.1:hardgen::demo"]
    samples = generate_json(*args)
    assert len(samples) == 2 and all(s["error"] == "" and s["parses"] and s["scanned"] is scan for s in samples)
    assert all(s["strategy"] == strategy for s in samples)
    assert all(p["text"] and p["response"] for s in samples for p in s["prompts"])
    hardened = strategy not in ("raw", "ft")
    assert all(("Step 1" in s["code"]) is False and (SECURE if hardened else INSECURE) in s["code"] for s in samples)
    if scan:
        rules = {f["rule_id"] for s in samples for f in s["findings"]}
        assert rules == (set() if hardened else {"py/path-injection"})
    lines = (tmp_path / "m.jsonl").read_text().splitlines()
    assert [json.loads(line)["id"] for line in lines] == [s["id"] for s in samples]


@pytest.mark.parametrize("strategy", STRATEGIES)
def test_replay_reproduces_a_recorded_run_offline(strategy: str, scanner_address: str, tmp_path: Path) -> None:
    manifest = tmp_path / "recorded.jsonl"
    scanner = scanner_address if "sast-repair" in strategy else "none"
    n = 1 if "sast-repair" in strategy else 2  # sample 1 would be a new program to scan (seconds)
    common = f"-s 1 -l python -S {strategy} -n {n} --scanner {scanner}".split()
    recorded = generate_json("-m", "mock/references", "--record", str(manifest), *common)
    replayed = generate_json("-m", f"replay/{manifest}", *common)
    assert [s["code"] for s in replayed] == [s["code"] for s in recorded]
    steps = [[p["step"] for p in s["prompts"]] for s in recorded]
    assert [[p["step"] for p in s["prompts"]] for s in replayed] == steps
    assert all(s["stats"]["backend"] == "replay" for s in replayed if s["prompts"][-1]["stats"])


@pytest.mark.parametrize("strategy", STRATEGIES)
def test_generate_every_strategy_with_the_tiny_hf_model(
    strategy: str, tiny_model_dir: Path, tiny_adapter: Path, scanner_address: str
) -> None:
    # the tiny model writes new text every time (a fresh scan each); only sast-repair needs the scanner
    scanner = scanner_address if "sast-repair" in strategy else "none"
    args = f"-s 1 -l python -S {strategy} --max-new-tokens 6 --scanner {scanner} -o repair_rounds=1".split()
    args += ["-m", f"hf/{tiny_model_dir}"] + (["-o", f"adapter={tiny_adapter}"] if "ft" in strategy else [])
    (sample,) = generate_json(*args)
    assert sample["error"] == "" and sample["prompts"] and sample["stats"]["backend"] == "hf"
    assert sample["code"].startswith(SCENARIO.prefix()) or not sample["merged"]


def test_prompt_prints_the_exact_prompt_without_a_model() -> None:
    result = run("prompt", "-s", "1", "-l", "python", "-S", "cot")
    assert result.exit_code == 0
    assert (
        result.stdout.startswith(f"Task: {SCENARIO.task}")
        and "Step 7: Do not expose private information." in result.stdout
    )
    result = run("prompt", "-s", "1", "-l", "python", "-S", "mp+nep", "--format", "json")
    steps = [p["step"] for p in json.loads(result.stdout)]
    assert steps == ["mp:meta", "nep"]


def test_strategies_list_json() -> None:
    result = run("strategies", "list", "--format", "json")
    names = {s["name"]: s for s in json.loads(result.stdout)}
    assert set(names) == {"raw", "nep", "cot", "mp", "ft", "sast-repair"}
    assert names["sast-repair"]["from_study"] is False and names["mp"]["kind"] == "setup"


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The real ``hardgen`` entry point in a subprocess (what a user sees on stderr)."""
    base = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "GEMINI_"))}
    return subprocess.run(
        [sys.executable, "-c", "from hardgen.cli.main import main; main()", *args],
        capture_output=True,
        text=True,
        env=base | (env or {}),
        timeout=60,
    )


def test_missing_key_and_dead_endpoint_are_one_line_errors() -> None:
    missing = cli("generate", "-s", "1", "-l", "python", "-m", "openai/gpt-4.1")
    assert missing.returncode == 1
    assert missing.stderr.strip().splitlines()[-1] == "error: OPENAI_API_KEY is not set"
    assert "Traceback" not in missing.stderr and missing.stdout == ""

    url = f"http://127.0.0.1:{free_port()}/v1"
    dead = cli(
        "generate",
        "-s",
        "1",
        "-l",
        "python",
        "-m",
        "openai/gpt-4.1",
        "-o",
        f"base_url={url}",
        "-o",
        "max_attempts=2",
        "--format",
        "json",
        env={"HARDGEN_RETRY_BASE_SECONDS": "0.01"},
    )
    assert dead.returncode == 1 and "Traceback" not in dead.stderr and dead.stdout == ""
    assert (
        dead.stderr.strip().splitlines()[-1]
        == f"error: openai/gpt-4.1: cannot reach {url} (APIConnectionError) (after 2 attempts)"
    )

    usage = cli("generate", "-s", "1", "-l", "python", "-m", "mock/references", "-S", "cot+raw")
    assert usage.returncode == 2 and usage.stderr.startswith("error: strategy chain 'cot+raw'")


def test_generate_with_hf_runs_the_model_here_or_on_the_model_server_alike(tiny_model_dir: Path) -> None:
    """Without ``--modelserve`` the CLI runs modelserve's code in its own process; with it, the
    model server answers: the same seeded sample either way, and a dead server is one line, exit 1."""
    from hardgen.modelserve.serve import ServeConfig, start_server

    args = ["-s", "1", "-l", "python", "-m", f"hf/{tiny_model_dir}", "--max-new-tokens", "6", "--scanner", "none"]
    args += ["--temperature", "0.8", "--seed", "5"]
    (here,) = generate_json(*args)
    running = start_server(ServeConfig(model=str(tiny_model_dir)), grpc_port=free_port(), http_port=0)
    try:
        (served,) = generate_json(*args, "--modelserve", running.grpc_address)
    finally:
        running.stop()
    assert served["raw_response"] == here["raw_response"] and served["stats"]["backend"] == "hf"
    assert here["stats"]["completion_tokens"] > 0
    dead = f"127.0.0.1:{free_port()}"
    result = run("generate", *args, "--modelserve", dead, "-o", "max_attempts=1")
    assert result.exit_code == 1
    assert f"model server at {dead}" in result.stderr and "Traceback" not in result.output
