"""The k8s study Job runs `hardgen study run` against a real JetStream: a study that already names
its fine-tuned models (studies/paper.yaml, the GPU overlay's Job) must publish its ft cells without
any fine-tune (issue 12: the Job died on backoffLimit and the ft cells were never published); one
that needs a local adapter queues one fine-tune work item for modelserve and returns."""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from hardgen.core.events import FINETUNE_STREAM
from hardgen.core.study import StudySpec
from hardgen.core.studypublish import run_study
from hardgen.core.studyrun import connect
from hardgen.v1 import events_pb2


def _spec(name: str, models: list[str], tuned: dict[str, str]) -> StudySpec:
    return StudySpec.model_validate(
        {
            "name": name,
            "models": models,
            "languages": ["python"],
            "scenarios": [1, 2],
            "strategies": ["raw", "ft"],
            "samples": 1,
            "engines": ["semgrep"],
            "finetune": {"base": "demo", "models": tuned},
        }
    )


async def _finetune_items(js: Any, study: str) -> int:
    info = await js.stream_info(FINETUNE_STREAM)
    found = 0
    for seq in range(info.state.first_seq, info.state.last_seq + 1):
        with contextlib.suppress(Exception):  # removed (acked) messages leave gaps
            msg = await js.get_msg(FINETUNE_STREAM, seq)
            found += events_pb2.FineTuneWork.FromString(msg.data).study == study
    return found


async def test_study_naming_its_fine_tuned_model_publishes_ft_cells_without_finetune(nats_server: str) -> None:
    spec = _spec("named-ft", ["tgi/http://tgi"], {"tgi/http://tgi": "tgi/http://tgi@paper-ft"})
    report = await run_study(spec, nats_server)
    assert report.published == 4  # 2 scenarios x (raw, ft), the ft ones carrying the named model
    assert report.finetune == ""
    ft_items = [i for i in spec.items() if i.strategy == "ft"]
    assert {i.options["ft_model"] for i in ft_items} == {"tgi/http://tgi@paper-ft"}
    nc, js = await connect(nats_server)
    try:
        assert await _finetune_items(js, "named-ft") == 0
    finally:
        await nc.close()


async def test_study_without_a_named_fine_tune_queues_one_finetune_item(nats_server: str) -> None:
    """The Job never waits for a model: the raw cells go out, the ft cells wait for modelserve."""
    report = await run_study(_spec("local-ft", ["hf/demo"], {}), nats_server)
    assert report.published == 2  # the raw cells only
    assert report.finetune == "queued"
    again = await run_study(_spec("local-ft", ["hf/demo"], {}), nats_server)
    assert again.duplicates == 2 and again.finetune == "queued"
    nc, js = await connect(nats_server)
    try:
        assert await _finetune_items(js, "local-ft") == 1  # the re-post was a duplicate
    finally:
        await nc.close()


def test_cli_study_run_queues_the_fine_tune_and_shows_its_state(nats_server: str, tmp_path: Path) -> None:
    """`hardgen study run` (what the Job runs) returns without waiting for a model and shows the
    fine-tune's state, in JSON and in the table's title."""
    study = tmp_path / "cli-ft.yaml"
    study.write_text(_spec("cli-ft", ["hf/demo"], {}).model_dump_json())  # JSON is YAML
    hardgen = str(Path(sys.executable).parent / "hardgen")
    common = ["--nats", nats_server, "--analytics", "127.0.0.1:1"]
    run = subprocess.run(
        [hardgen, "study", "run", str(study), "--no-wait", *common, "--format", "json"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "fine-tune queued for the ft cells" in run.stderr
    shown = json.loads(run.stdout)
    assert shown["published"] == 2 and shown["finetune"]["state"] == "pending"
    assert shown["total"] == 4 and shown["pending"] == 4  # the ft cells count, and wait
    table = subprocess.run(
        [hardgen, "study", "status", "cli-ft", *common, "--format", "table"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert table.returncode == 0, table.stderr
    assert "fine-tune: pending" in table.stdout + table.stderr
