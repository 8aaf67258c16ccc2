"""`make bench-demo`: demo.sh's phase marks and the services' JSON logs become out/demo/timings.json,
printed as a table or JSON; lines outside the study's window (logs are appended across runs) are
not counted; without a record the command says so in one line and exits 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

T0 = 1_765_000_000.0  # the study's start, epoch seconds


def stamp(offset: float) -> str:
    from datetime import UTC, datetime

    return datetime.fromtimestamp(T0 + offset, UTC).isoformat().replace("+00:00", "Z")


def write_logs(logs: Path) -> None:
    logs.mkdir(parents=True, exist_ok=True)
    worker = [
        # a line of an earlier run (before the window) must not count
        {"event": "worker.sample_done", "generate_ms": 99999, "scan_ms": 1, "nats_ms": 1, "timestamp": stamp(-500)},
        {"event": "model_call", "step": "raw", "latency_ms": 800, "completion_tokens": 40, "timestamp": stamp(5)},
        {"event": "model_call", "step": "sast-repair:round-1", "latency_ms": 200, "completion_tokens": 10,
         "timestamp": stamp(6)},
        {"event": "worker.sample_done", "generate_ms": 1000, "scan_ms": 500, "nats_ms": 50, "timestamp": stamp(7)},
        {"event": "worker.sample_done", "generate_ms": 3000, "scan_ms": 1500, "nats_ms": 50, "timestamp": stamp(9)},
    ]
    (logs / "worker-0.log").write_text("not json\n" + "\n".join(json.dumps(e) for e in worker) + "\n")
    scanner = [
        {"event": "scan.completed", "files": 2, "engine_runs": 1, "cache_hits": 1, "timestamp": stamp(6)},
        {"event": "scan.coalesced", "requests": 2, "files": 2, "timestamp": stamp(6)},
    ]
    (logs / "scanner.log").write_text("\n".join(json.dumps(e) for e in scanner) + "\n")
    model = [
        {"event": "decode.progress", "steps": 30, "rows": 60, "tokens": 50, "ms": 900, "timestamp": stamp(5)},
        {"event": "decode.progress", "steps": 10, "rows": 40, "tokens": 30, "ms": 300, "timestamp": stamp(6)},
        {"event": "fine-tune scanner", "timestamp": stamp(1)},
        {"event": "fine-tune done", "timestamp": stamp(4)},
    ]
    (logs / "modelserve.log").write_text("\n".join(json.dumps(e) for e in model) + "\n")
    ingest = [{"event": "analytics.consumer.committed", "events": 4, "ms": 300, "timestamp": stamp(8)}]
    (logs / "analytics.log").write_text("\n".join(json.dumps(e) for e in ingest) + "\n")


def bench(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "hardgen.cli.demobench", *args], capture_output=True, text=True,
                          timeout=60)  # fmt: skip


@pytest.fixture
def recorded(tmp_path: Path) -> Path:
    from hardgen.core.settings import data_dir

    write_logs(data_dir() / "dev" / "logs")
    phases = tmp_path / "phases"
    phases.write_text(f"setup {T0 - 30} {T0 - 20}\nmodel {T0 - 20} {T0 - 20}\nstudy {T0} {T0 + 10}\n"
                      f"report {T0 + 10} {T0 + 12}\n")  # fmt: skip
    cpu = tmp_path / "cpu.json"
    cpu.write_text(json.dumps({"modelserve": 12.5, "scanner": 3.0}))
    out = tmp_path / "timings.json"
    proc = bench("record", "--phases", str(phases), "--out", str(out), "--study", "demo", "--started", str(T0 - 30),
                 "--workers", "2", "--concurrency", "8", "--cpu", str(cpu))  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    return out


def test_record_sums_the_study_window_only(recorded: Path) -> None:
    t = json.loads(recorded.read_text())
    assert t["total_s"] == 42.0 and t["phases"] == {"setup": 10.0, "model": 0.0, "study": 10.0, "report": 2.0}
    b = t["study_breakdown"]
    assert b["samples"] == 2 and b["first_sample_s"] == 7.0
    assert b["generation"]["sample_s"] == 4.0 and b["scanning"]["sample_s"] == 2.0 and b["nats"]["sample_s"] == 0.1
    assert b["generation"]["per_step"] == {"raw": {"calls": 1, "s": 0.8}, "sast-repair": {"calls": 1, "s": 0.2}}
    assert b["generation"]["decode_steps"] == 40 and b["generation"]["mean_rows_per_step"] == 2.5
    assert b["generation"]["decode_s"] == 1.2 and b["scanning"]["engine_runs"] == 1
    assert b["scanning"]["merged_requests"] == 2 and b["ingest"] == {"batches": 1, "events": 4, "s": 0.3}
    assert b["finetune"] == {"s": 3.0, "reused": False}
    assert t["cpu_s"] == {"modelserve": 12.5, "scanner": 3.0} and t["worker_concurrency"] == 8


def test_show_prints_the_breakdown_as_table_or_json(recorded: Path) -> None:
    table = bench("--timings", str(recorded))
    assert table.returncode == 0
    assert "study" in table.stdout and "generation" in table.stdout and "scanning" in table.stdout
    assert "modelserve 12.5" in table.stdout  # CPU seconds by process
    as_json = bench("show", "--timings", str(recorded), "--format", "json")
    assert json.loads(as_json.stdout)["study_breakdown"]["samples"] == 2


def test_no_record_is_one_line_and_exit_2(tmp_path: Path) -> None:
    proc = bench("--timings", str(tmp_path / "missing.json"))
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.strip().count("\n") == 0 and "make demo" in proc.stderr
