"""Where `make demo`'s time goes: record each phase, then print the breakdown (`make bench-demo`).

``scripts/demo.sh`` marks the wall clock of each phase (set-up, model build, stack start, study,
stack stop, tables, report), asks ``record-cpu`` for the CPU seconds each local service used before
the stack stops, and finally calls ``record``, which adds the study's own breakdown read from the
services' JSON logs (``<state>/logs/*.log``, only the lines inside the study's window, since the
logs are appended across runs):

* generation: the workers' ``generate_ms`` (the whole strategy chain, repair scans included),
  model calls and tokens, and modelserve's decoding steps (how many rows each step carried);
* scanning: the workers' ``scan_ms``, the scanner's requests, merged batches and engine runs
  (each Semgrep run pays its start-up once, however many files it gets);
* NATS: the workers' ``nats_ms`` (two publishes, the outcome, the ack);
* analytics ingest: the consumer's committed batches and their DuckDB time;
* the fine-tune of the ``ft`` cells, from modelserve's log.

Per-sample times are summed over samples that overlap (a worker holds several at once), so they
show shares of the work, not of the wall clock; the CPU seconds show who used the two cores.
Everything is written to ``out/demo/timings.json``; ``python -m hardgen.cli.demobench [--format
table|json]`` prints the last record (``make bench-demo`` runs the demo first when there is none).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter, defaultdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

DEFAULT_TIMINGS = Path("out/demo/timings.json")
PHASES = ("setup", "model", "stack_start", "study", "stack_stop", "tables", "report")


class BenchError(Exception):
    """Missing or unreadable input: one line for the user, exit 2."""


def _ts(text: str) -> float:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


def read_events(path: Path, start: float, end: float) -> list[dict[str, Any]]:
    """The JSON log lines of ``path`` stamped inside ``[start, end]`` (other lines are skipped)."""
    events = []
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
    for line in lines:
        if not line.startswith("{"):
            continue
        try:
            event = json.loads(line)
            stamp = _ts(event["timestamp"])
        except (ValueError, KeyError, TypeError):
            continue
        if start <= stamp <= end:
            event["_t"] = stamp
            events.append(event)
    return events


def _sum(events: list[dict[str, Any]], key: str) -> float:
    return float(sum(e.get(key) or 0 for e in events))


def study_breakdown(logs: Path, start: float, end: float) -> dict[str, Any]:
    """The study phase by component, from the services' logs between ``start`` and ``end``."""
    workers = [e for p in sorted(logs.glob("worker-*.log")) for e in read_events(p, start, end)]
    done = [e for e in workers if e.get("event") == "worker.sample_done"]
    calls = [e for e in workers if e.get("event") == "model_call"]
    scanner = read_events(logs / "scanner.log", start, end)
    scans = [e for e in scanner if e.get("event") == "scan.completed"]
    merged = [e for e in scanner if e.get("event") == "scan.coalesced"]
    modelserve = read_events(logs / "modelserve.log", start, end)
    decoding = [e for e in modelserve if e.get("event") == "decode.progress"]
    steps = _sum(decoding, "steps")
    tune = [e for e in modelserve if "fine-tune" in str(e.get("event", ""))]
    tune_done = [e for e in tune if e.get("event") in ("fine-tune done", "fine-tune reused")]
    commits = [e for e in read_events(logs / "analytics.log", start, end)
               if e.get("event") == "analytics.consumer.committed"]  # fmt: skip
    per_step: dict[str, Counter[str]] = defaultdict(Counter)
    for call in calls:
        step = str(call.get("step", "?")).split(":")[0]
        per_step[step]["calls"] += 1
        per_step[step]["ms"] += int(call.get("latency_ms") or 0)
    n = len(done)
    gen_s, scan_s, nats_s = _sum(done, "generate_ms") / 1000, _sum(done, "scan_ms") / 1000, _sum(done, "nats_ms") / 1000
    work = gen_s + scan_s + nats_s
    return {
        "wall_s": round(end - start, 1),
        "samples": n,
        "samples_per_minute": round(n / (end - start) * 60, 1) if end > start else 0.0,
        "first_sample_s": round(min(e["_t"] for e in done) - start, 1) if done else None,
        "generation": {
            "sample_s": round(gen_s, 1),
            "share": round(gen_s / work, 3) if work else 0.0,
            "model_calls": len(calls),
            "completion_tokens": int(_sum(calls, "completion_tokens")),
            "decode_steps": int(steps),
            "mean_rows_per_step": round(_sum(decoding, "rows") / steps, 2) if steps else None,
            "decode_s": round(_sum(decoding, "ms") / 1000, 1),
            "per_step": {k: {"calls": v["calls"], "s": round(v["ms"] / 1000, 1)} for k, v in sorted(per_step.items())},
        },
        "scanning": {
            "sample_s": round(scan_s, 1),
            "share": round(scan_s / work, 3) if work else 0.0,
            "requests": len(scans),
            "merged_batches": len(merged),
            "merged_requests": int(_sum(merged, "requests")),
            "engine_runs": int(_sum(scans, "engine_runs")),
            "files": int(_sum(scans, "files")),
            "cache_hits": int(_sum(scans, "cache_hits")),
        },
        "nats": {"sample_s": round(nats_s, 1), "share": round(nats_s / work, 3) if work else 0.0},
        "ingest": {
            "batches": len(commits),
            "events": int(_sum(commits, "events")),
            "s": round(_sum(commits, "ms") / 1000, 1),
        },
        "finetune": {
            "s": round(tune_done[-1]["_t"] - tune[0]["_t"], 1) if tune and tune_done else None,
            "reused": any(e.get("event") == "fine-tune reused" for e in tune),
        },
    }


def read_phases(path: Path) -> dict[str, tuple[float, float]]:
    """``phase start end`` lines (epoch seconds) → {phase: (start, end)}."""
    phases: dict[str, tuple[float, float]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 3:
            phases[parts[0]] = (float(parts[1]), float(parts[2]))
    return phases


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU of ``pid`` and its waited-for children (Semgrep runs of the scanner)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    ticks = os.sysconf("SC_CLK_TCK")
    return round(sum(int(v) for v in fields[11:15]) / ticks, 1)  # utime stime cutime cstime


def record_cpu(out: Path) -> dict[str, float]:
    """CPU seconds of each process `hardgen dev up` recorded, read before the stack stops."""
    from hardgen.cli.localstack import LocalStack

    try:
        pids = json.loads(LocalStack().pid_file.read_text())
    except (OSError, ValueError):
        pids = {}
    cpu = {name: s for name, pid in pids.items() if (s := cpu_seconds(int(pid))) is not None}
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(cpu, indent=2) + "\n", encoding="utf-8")
    return cpu


def reset_study(study: str) -> dict[str, int]:
    """Forget the previous demo run so that this one generates, scans and counts every sample again.

    The local stack keeps its JetStream store (work queue, events, the outcomes ``--resume`` skips)
    under ``<state>/nats`` across runs, and analytics keeps the study's rows; without this a second
    `make demo` would find every sample done and measure nothing. Refuses while the stack runs. The
    demo model, the fine-tuned adapter (idempotent by configuration) and the venv are kept.
    """
    import shutil

    import duckdb

    from hardgen.cli.localstack import LocalStack
    from hardgen.core.settings import db_path

    stack = LocalStack()
    running = [name for name, alive in stack.status().items() if alive]
    if running:
        raise BenchError(f"the local stack is running ({', '.join(running)}): `hardgen dev down` first")
    shutil.rmtree(stack.state_dir / "nats", ignore_errors=True)
    removed: dict[str, int] = {}
    path = db_path()
    if path.is_file():
        con = duckdb.connect(str(path))
        try:
            for name, sql in (
                ("findings", "DELETE FROM findings WHERE sample_id IN (SELECT id FROM samples WHERE study = ?)"),
                ("scans", "DELETE FROM scans WHERE sample_id IN (SELECT id FROM samples WHERE study = ?)"),
                ("samples", "DELETE FROM samples WHERE study = ?"),
            ):
                try:
                    row = con.execute(sql, [study]).fetchone()
                    removed[name] = int(row[0]) if row else 0
                except duckdb.Error:  # table not created yet: nothing to remove
                    removed[name] = 0
        finally:
            con.close()
    return removed


def record(args: argparse.Namespace) -> dict[str, Any]:
    from hardgen.cli.localstack import LocalStack

    phases = read_phases(Path(args.phases))
    ended = max((end for _, end in phases.values()), default=float(args.started))
    cpu: dict[str, float] = {}
    if args.cpu and Path(args.cpu).is_file():
        cpu = json.loads(Path(args.cpu).read_text(encoding="utf-8"))
    result: dict[str, Any] = {
        "study": args.study,
        "started_at": datetime.fromtimestamp(float(args.started), UTC).isoformat(timespec="seconds"),
        "total_s": round(ended - float(args.started), 1),
        "model_built": bool(int(args.model_built)),
        "workers": args.workers,
        "worker_concurrency": args.concurrency,
        "cores": os.cpu_count(),
        "load_average_1m_at_end": round(os.getloadavg()[0], 2),
        "phases": {name: round(end - start, 1) for name, (start, end) in phases.items()},
        "cpu_s": cpu,
    }
    if "study" in phases:
        result["study_breakdown"] = study_breakdown(LocalStack().state_dir / "logs", *phases["study"])
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return result


def _fmt_s(value: float | None) -> str:
    if value is None:
        return "-"
    minutes, seconds = divmod(float(value), 60)
    return f"{int(minutes)} min {seconds:04.1f} s" if minutes else f"{seconds:.1f} s"


def table(t: dict[str, Any]) -> str:
    """The breakdown as plain text: phases with their share of the total, then the study's parts."""
    total = float(t.get("total_s") or 0) or 1.0
    lines = [f"make demo, started {t.get('started_at')}: {_fmt_s(t.get('total_s'))} "
             f"(model {'built' if t.get('model_built') else 'reused'}; {t.get('workers')} workers x "
             f"{t.get('worker_concurrency')} items; {t.get('cores')} cores, "
             f"load {t.get('load_average_1m_at_end')} at end)",
             "", f"{'phase':<14}{'wall':>14}{'share':>8}"]  # fmt: skip
    for name in PHASES:
        if name in t.get("phases", {}):
            s = t["phases"][name]
            lines.append(f"{name:<14}{_fmt_s(s):>14}{s / total:>8.0%}")
    b = t.get("study_breakdown")
    if b:
        g, sc, na, ing, ft = b["generation"], b["scanning"], b["nats"], b["ingest"], b["finetune"]
        lines += [
            "",
            f"study: {b['samples']} samples in {_fmt_s(b['wall_s'])} ({b['samples_per_minute']}/min; "
            f"first sample after {_fmt_s(b['first_sample_s'])})",
            f"{'part':<14}{'sample-s':>10}{'share':>8}  detail",
            f"{'generation':<14}{g['sample_s']:>10.1f}{g['share']:>8.0%}  {g['model_calls']} model calls, "
            f"{g['completion_tokens']} tokens, {g['decode_steps']} decoding steps "
            f"(mean {g['mean_rows_per_step']} rows) in {g['decode_s']} s",
            f"{'scanning':<14}{sc['sample_s']:>10.1f}{sc['share']:>8.0%}  {sc['requests']} requests, "
            f"{sc['merged_batches']} merged batches ({sc['merged_requests']} requests), "
            f"{sc['engine_runs']} engine runs, {sc['cache_hits']} cache hits",
            f"{'nats':<14}{na['sample_s']:>10.1f}{na['share']:>8.0%}  publish x2, outcome, ack",
            f"{'ingest':<14}{ing['s']:>10.1f}{'':>8}  {ing['events']} events in {ing['batches']} DuckDB commits",
            f"{'fine-tune':<14}{_fmt_s(ft['s']):>10}{'':>8}  {'reused' if ft['reused'] else 'LoRA for the ft cells'}",
            "(sample-s: summed over samples that overlap; shares are of generation+scanning+nats)",
        ]
        steps = g.get("per_step", {})
        if steps:
            by_step = ", ".join(f"{k} {v['calls']} ({v['s']} s)" for k, v in steps.items())
            lines.append("model calls by step: " + by_step)
    cpu = t.get("cpu_s") or {}
    if cpu:
        lines += ["", "CPU seconds during the run, by process: "
                  + ", ".join(f"{k} {v}" for k, v in sorted(cpu.items(), key=lambda kv: -kv[1]))]
    return "\n".join(lines)


def show(path: Path, fmt: str) -> str:
    if not path.is_file():
        raise BenchError(f"no timings at {path}: run `make demo` first (make bench-demo does)")
    try:
        timings = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise BenchError(f"{path} is not valid JSON: {exc}") from None
    return json.dumps(timings, indent=2) if fmt == "json" else table(timings)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hardgen.cli.demobench", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command")
    show_p = sub.add_parser("show", help="print the last recorded breakdown (the default)")
    for p in (parser, show_p):
        p.add_argument("--timings", type=Path, default=DEFAULT_TIMINGS)
        p.add_argument("--format", choices=["table", "json"], default="table")
    cpu_p = sub.add_parser("record-cpu", help="CPU seconds of the running stack's processes")
    cpu_p.add_argument("--out", type=Path, required=True)
    reset = sub.add_parser("reset", help="forget the previous run of a study (local stack stopped)")
    reset.add_argument("--study", required=True)
    rec = sub.add_parser("record", help="write timings.json from demo.sh's phase marks and the logs")
    rec.add_argument("--phases", required=True)
    rec.add_argument("--out", required=True)
    rec.add_argument("--study", required=True)
    rec.add_argument("--started", required=True)
    rec.add_argument("--model-built", default="0")
    rec.add_argument("--workers", type=int, default=0)
    rec.add_argument("--concurrency", type=int, default=1)
    rec.add_argument("--cpu", default="")
    args = parser.parse_args(argv)
    try:
        if args.command == "record-cpu":
            record_cpu(args.out)
        elif args.command == "reset":
            removed = reset_study(args.study)
            n = removed.get("samples", 0)
            print(f"demo: previous run of {args.study} forgotten ({n} samples)", file=sys.stderr)
        elif args.command == "record":
            print(table(record(args)), file=sys.stderr)
        else:
            print(show(args.timings, args.format))
    except (BenchError, OSError) as exc:
        print(f"bench-demo: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
