"""The demo build stops at the first epoch whose model passes its check, and checking never
changes the model: a build whose checks all fail is the same model, byte for byte, as one trained
without checks. Tiny model (seconds); the check itself is the real one (generation through
LocalModel, the refinement extractor) on the tiny model's probe folders."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import torch

from hardgen.modelserve.demo import DemoTargets, EpochCheck, build_model, demo_check
from tests.conftest import tiny_model_texts

TEXTS = tiny_model_texts()


def build(out: Path, check: EpochCheck | None) -> dict[str, Any]:
    torch.set_num_threads(1)
    return build_model(out, TEXTS, size="tiny", epochs=6, seed=42, name="tiny", check=check)


def test_failing_checks_leave_the_model_as_a_plain_build(tmp_path: Path) -> None:
    seen: list[int] = []

    def never(path: Path, epoch: int) -> tuple[bool, dict[str, Any]]:
        assert (path / "config.json").is_file()  # the model as it is after this epoch
        seen.append(epoch)
        return False, {"parse_rate": 0.0}

    plain = build(tmp_path / "plain", None)
    checked = build(tmp_path / "checked", EpochCheck(passes=never, from_epoch=2, every=2, loss_gate=100.0))
    assert checked["fingerprint"] == plain["fingerprint"]
    assert seen == [2, 4]  # from epoch 2, every 2, never after the last epoch
    assert checked["stopped_early"] is False and checked["steps"] == plain["steps"]
    assert [c["epoch"] for c in checked["checks"]] == [2, 4]
    assert not list(tmp_path.glob("checked.epoch*"))  # probe folders are removed


def test_a_passing_check_stops_training_and_is_recorded(tmp_path: Path) -> None:
    def from_three(path: Path, epoch: int) -> tuple[bool, dict[str, Any]]:
        return epoch >= 3, {"parse_rate": 1.0}

    manifest = build(tmp_path / "early", EpochCheck(passes=from_three, from_epoch=2, every=1, loss_gate=100.0))
    full = build(tmp_path / "full", None)
    assert manifest["stopped_early"] is True and manifest["epochs_trained"] == 3
    assert manifest["steps"] == full["steps"] // 2 and manifest["scheduled_steps"] == full["steps"]
    assert manifest["checks"][-1] == {"epoch": 3, "loss": manifest["checks"][-1]["loss"], "passed": True,
                                      "parse_rate": 1.0}
    saved = json.loads((tmp_path / "early" / "hardgen_model.json").read_text())
    assert saved["epochs_trained"] == 3


def test_the_demo_targets_measure_parse_rate_like_the_study(tmp_path: Path) -> None:
    build(tmp_path / "tiny", None)
    # a tiny model trained for seconds does not write the corpus's programs: the check fails
    passed, figures = demo_check(None, DemoTargets(max_new_tokens=16)).passes(tmp_path / "tiny", 1)
    assert passed is False
    assert 0.0 <= figures["parse_rate"] < DemoTargets().min_parse_rate and figures["flagged_share"] is None
