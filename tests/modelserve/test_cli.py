"""``hardgen finetune`` and ``hardgen adapters list`` end to end on the tiny model."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from hardgen.cli.main import app
from hardgen.core.logging import configure_logging


def test_finetune_then_adapters_list(tiny_model_dir: Path) -> None:
    configure_logging("console")  # as hardgen.cli.main.main does: logs on stderr, stdout stays JSON
    runner = CliRunner()
    result = runner.invoke(app, ["finetune", "--base", str(tiny_model_dir), "--language", "python", "--steps", "4",
                                 "--lr", "0.01", "--no-scan", "--name", "cli-lora", "--format", "json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["id"] == "cli-lora" and record["final_loss"] < record["initial_loss"]
    listed = runner.invoke(app, ["adapters", "list", "--format", "json"])
    assert listed.exit_code == 0
    assert "cli-lora" in {r["id"] for r in json.loads(listed.stdout)}
    table = runner.invoke(app, ["adapters", "list"])
    assert table.exit_code == 0 and " adapters" in table.stdout


def test_rerunning_a_finetune_reuses_its_adapter_and_force_retrains(tiny_model_dir: Path) -> None:
    configure_logging("console")
    runner = CliRunner()
    args = ["finetune", "--base", str(tiny_model_dir), "--language", "python", "--steps", "3", "--lr", "0.01",
            "--no-scan", "--name", "rerun-lora", "--format", "json"]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    trained = json.loads(first.stdout)
    assert trained["reused"] is False and "reused" not in first.stderr

    again = runner.invoke(app, args)
    assert again.exit_code == 0, again.output
    reused = json.loads(again.stdout)
    assert reused["reused"] is True and reused["created_at"] == trained["created_at"]
    assert "rerun-lora is already trained with this configuration: reused (--force retrains)" in again.stderr

    changed = runner.invoke(app, [*args[:6], "4", *args[7:]])  # --steps 4: same name, other settings
    assert changed.exit_code == 2 and "--force" in changed.stderr and "Traceback" not in changed.stderr

    forced = runner.invoke(app, [*args, "--force"])
    assert forced.exit_code == 0, forced.output
    retrained = json.loads(forced.stdout)
    assert retrained["reused"] is False and retrained["metrics"]["steps"] == 3


def test_finetune_errors_are_one_line() -> None:
    result = CliRunner().invoke(app, ["finetune", "--base", "demo", "--steps", "1", "--no-scan"])
    assert result.exit_code == 2
    assert "build-demo" in result.stderr and "Traceback" not in result.stderr
