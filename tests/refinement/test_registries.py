"""Strategies and model providers register themselves: a new one is one module and no other edit.

The throw-away ``shout`` strategy, ``recheck`` refine step and ``echo`` provider below are written as
single module files into a temporary directory that is put on the packages' ``__path__``, which is
exactly where discovery looks for the modules shipped in the tree.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError
from typer.testing import CliRunner

from hardgen.cli.main import app
from hardgen.core.clients.scanner import ScannerUnavailableError
from hardgen.core.logging import configure_logging
from hardgen.core.registries import known_providers, known_steps
from hardgen.core.scenarios import get_scenario
from hardgen.gateway.settings import GatewaySettings
from hardgen.refinement import backends, strategies
from hardgen.refinement.errors import RequestError
from hardgen.refinement.service import GenerateSpec, RefinementService

SCENARIO = get_scenario(1, "python")
SECURE = SCENARIO.reference_code(SCENARIO.secure[0])

SHOUT = '''
from hardgen.refinement.strategies.base import SampleState, Step


class Shout(Step):
    name = "shout"
    kind = "generate"
    description = "the plain task prompt, in capitals"
    templates = ("raw", "request")

    def run(self, state: SampleState) -> None:
        template = state.use_template("raw")
        state.use_template("request")
        prompt = template.render(**state.task.values()).upper()
        state.accept(state.ask("shout", "raw", prompt))


STEP = Shout
'''

RECHECK = '''
from hardgen.refinement.strategies.base import SampleState, Step


class Recheck(Step):
    name = "recheck"
    kind = "refine"
    needs_scanner = True
    description = "scan the code once more"

    def run(self, state: SampleState) -> None:
        state.scan()


STEP = Recheck
'''

ECHO = f'''
from hardgen.refinement.backends.base import Backend, RawCompletion


class EchoBackend(Backend):
    provider = "echo"

    def _call(self, prompt, params, context):
        return RawCompletion(text="```python\\n" + {SECURE!r} + "```\\n", model=self.name)


BACKEND = EchoBackend
'''


@pytest.fixture
def extensions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """One module per extension, on the package paths; removed again afterwards."""
    steps_dir, backends_dir = tmp_path / "strategies", tmp_path / "backends"
    steps_dir.mkdir()
    backends_dir.mkdir()
    (steps_dir / "shout.py").write_text(SHOUT, "utf-8")
    (steps_dir / "recheck.py").write_text(RECHECK, "utf-8")
    (backends_dir / "echo.py").write_text(ECHO, "utf-8")
    monkeypatch.setattr(strategies, "__path__", [*strategies.__path__, str(steps_dir)])
    monkeypatch.setattr(backends, "__path__", [*backends.__path__, str(backends_dir)])
    yield
    for name in ("strategies.shout", "strategies.recheck", "backends.echo"):
        sys.modules.pop(f"hardgen.refinement.{name}", None)


def test_core_names_match_the_discovered_registries() -> None:
    """core/data/registries.yaml is what study files and the gateway check names against."""
    assert known_steps() == set(strategies.steps()), "update core/data/registries.yaml strategy_steps"
    assert set(known_providers()) == set(backends.providers()), "update core/data/registries.yaml model_providers"
    for provider in backends.providers():
        assert backends.backend_class(provider).provider == provider


@pytest.mark.usefixtures("extensions")
def test_a_strategy_and_a_backend_added_as_one_module_each_generate() -> None:
    spec = GenerateSpec(language="python", model="echo/any", strategy="shout", scenario=1)
    samples = RefinementService().generate(spec)
    assert samples[0].error == ""
    assert samples[0].code.strip() == SECURE.strip()
    assert [p.step for p in samples[0].prompts] == ["shout"]
    assert samples[0].prompts[0].text.startswith(f"TASK: {SCENARIO.task.upper()}")
    assert "shout" in {s.name for s in strategies.all_steps()}


@pytest.mark.usefixtures("extensions")
def test_the_cli_lists_and_runs_the_added_modules() -> None:
    configure_logging("console")  # as hardgen.cli.main.main() does: logs on stderr, stdout is JSON
    listed = CliRunner().invoke(app, ["strategies", "list", "--format", "json"])
    assert {"shout", "recheck"} <= {s["name"] for s in json.loads(listed.stdout)}
    result = CliRunner().invoke(
        app, ["generate", "--format", "json", "-s", "1", "-l", "python", "-m", "echo/x", "-S", "mp+shout"]
    )
    assert result.exit_code == 0, result.output
    samples: list[dict[str, Any]] = json.loads(result.stdout)
    assert [p["step"] for p in samples[0]["prompts"]] == ["mp:meta", "shout"]


@pytest.mark.usefixtures("extensions")
def test_a_step_that_needs_the_scanner_is_refused_without_one() -> None:
    """``needs_scanner`` is a property of the step, not a check for one strategy's name."""
    spec = GenerateSpec(language="python", model="echo/x", strategy="shout+recheck", scenario=1)
    with pytest.raises(ScannerUnavailableError, match="recheck needs the scanner service"):
        RefinementService().generate(spec)


def test_without_the_module_the_names_are_unknown() -> None:
    with pytest.raises(RequestError, match="unknown strategy 'shout'"):
        strategies.parse_chain("shout")
    with pytest.raises(RequestError, match="unknown model provider 'echo'"):
        backends.split_model("echo/x")


def test_gateway_refuses_a_provider_no_module_provides() -> None:
    assert GatewaySettings(refinement_address="x:1", scanner_address="x:2").allowed_providers == (
        "openai",
        "gemini",
        "tgi",
        "mock",
    )
    with pytest.raises(ValidationError, match="unknown provider.s. opnai"):
        GatewaySettings(refinement_address="x:1", scanner_address="x:2", allowed_providers=("opnai", "mock"))


def test_gateway_start_with_a_misspelt_provider_is_a_one_line_error() -> None:
    env = os.environ | {"HARDGEN_GATEWAY_PROVIDERS": "opnai,mock"}
    done = subprocess.run(
        [sys.executable, "-m", "hardgen.gateway", "--port", "1"], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "gateway settings: HARDGEN_GATEWAY_PROVIDERS=opnai,mock: unknown provider(s) opnai "
        "(providers: gemini, hf, mock, openai, replay, tgi)"
    ]
