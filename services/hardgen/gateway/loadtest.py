"""``python -m hardgen.gateway.loadtest`` (``make bench-load``): a bounded load test, not a test.

Starts the scanner (``python -m hardgen.scanner``) and the gateway (``python -m hardgen.gateway``,
keys on) on loopback with a fresh data folder, gives each of ``--clients`` clients its own API key,
and lets them post ``POST /v1/scans`` of the corpus' reference completions (one file per
request, in a shuffled loop) for ``--duration`` seconds. Reports throughput, latency percentiles,
the error rate by status and the RSS of both processes over the run, so that "the service stays up
and memory stays bounded" is a number, not a claim.

The scanner caches results by content: the first pass over the corpus runs Semgrep, later passes
are cache hits. ``--unique`` appends a per-request comment so that every request runs the engine.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

import httpx
import psutil

from hardgen.core.scenarios import load_corpus
from hardgen.gateway.apikeys import KeyStore

_SUFFIX = {"python": "py", "javascript": "js", "java": "java", "go": "go"}
_COMMENT = {"python": "#", "javascript": "//", "java": "//", "go": "//"}


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def corpus_files() -> list[tuple[str, str, str]]:
    """(path, content, language) of every reference completion of the corpus."""
    files = []
    for scenario in load_corpus():
        lang = scenario.language.value
        for ref in [*scenario.insecure, *scenario.secure]:
            name = f"s{scenario.number:02d}/{Path(str(ref.file)).stem}.{_SUFFIX[lang]}"
            files.append((name, scenario.reference_code(ref), lang))
    return files


def _wait_http(url: str, proc: subprocess.Popen[bytes], seconds: float = 90) -> None:
    """Until ``url`` answers: ``http://`` below 500, ``grpc://host:port/<service>`` SERVING."""
    from hardgen.core.healthcheck import probe

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"process exited with {proc.returncode} before {url} answered")
        with contextlib.suppress(Exception):  # not up yet (connection refused, gRPC UNAVAILABLE)
            if url.startswith("grpc://") and probe(url, timeout=2):
                return
            if url.startswith("http") and httpx.get(url, timeout=2).status_code < 500:
                return
        time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {seconds:.0f}s")


def _rss_mb(proc: subprocess.Popen[bytes]) -> float:
    try:
        return psutil.Process(proc.pid).memory_info().rss / 2**20
    except psutil.Error:
        return float("nan")


def _client(
    url: str,
    key: str,
    files: list[tuple[str, str, str]],
    engines: list[str],
    stop_at: float,
    unique: bool,
    out: list[tuple[float, int]],
) -> None:
    order = files[:]
    random.Random(key).shuffle(order)  # noqa: S311 - request order, not security
    with httpx.Client(base_url=url, timeout=120.0, headers={"Authorization": f"Bearer {key}"}) as client:
        i = 0
        while time.monotonic() < stop_at:
            path, content, lang = order[i % len(order)]
            if unique:
                content += f"\n{_COMMENT[lang]} load {key[-6:]} {i}\n"
            started = time.perf_counter()
            try:
                body = {"files": [{"path": path, "content": content}], "engines": engines}
                status = client.post("/v1/scans", json=body).status_code
            except httpx.HTTPError:
                status = 0
            out.append((time.perf_counter() - started, status))
            i += 1


def _warm_up(url: str, key: str, files: list[tuple[str, str, str]], engines: list[str]) -> float:
    """Batch scans of the whole corpus (fill the scanner's result cache); their total duration."""
    started = time.perf_counter()
    for start in range(0, len(files), 150):  # the gateway's default limit is 200 files per request
        part = files[start : start + 150]
        body = {"files": [{"path": p, "content": c} for p, c, _ in part], "engines": engines, "timeout_seconds": 600}
        response = httpx.post(url + "/v1/scans", json=body, headers={"Authorization": f"Bearer {key}"}, timeout=900)
        response.raise_for_status()
    return round(time.perf_counter() - started, 1)


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def run(clients: int, duration: float, engines: str, unique: bool) -> dict[str, Any]:
    files = corpus_files()
    with tempfile.TemporaryDirectory(prefix="hardgen-load-") as tmp:
        env = os.environ | {  # subprocess-env: the services started below, with the load test's data
            "HARDGEN_DATA": str(Path(tmp) / "data"),
            "HARDGEN_KEYS_DB": str(Path(tmp) / "keys.sqlite"),
            "HARDGEN_AUTH": "on",
            "HARDGEN_LOG_LEVEL": "WARNING",
            "HARDGEN_GATEWAY_SCAN_TIMEOUT": "900",
        }
        store = KeyStore(Path(tmp) / "keys.sqlite")
        keys = [store.create(f"load-{i}", ["scan"], rate_per_minute=100_000)[1] for i in range(clients)]
        grpc_port, gateway_port = _free_port(), _free_port()
        logs = Path(tmp) / "logs"
        logs.mkdir()
        py = sys.executable
        scanner = subprocess.Popen(  # noqa: S603 - our own entry points
            [
                py,
                "-m",
                "hardgen.scanner",
                "--host",
                "127.0.0.1",
                "--grpc-port",
                str(grpc_port),
            ],  # fmt: skip
            env=env,
            stdout=(logs / "scanner.log").open("wb"),
            stderr=subprocess.STDOUT,
        )
        gateway = subprocess.Popen(  # noqa: S603
            [py, "-m", "hardgen.gateway", "--host", "127.0.0.1", "--port", str(gateway_port)],
            env=env | {"HARDGEN_SCANNER_ADDR": f"127.0.0.1:{grpc_port}"},
            stdout=(logs / "gateway.log").open("wb"),
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{gateway_port}"
        try:
            _wait_http(f"grpc://127.0.0.1:{grpc_port}/hardgen.v1.Scanner", scanner)
            _wait_http(url + "/healthz", gateway)
            warmup_s = _warm_up(url, keys[0], files, engines.split(",")) if not unique else None
            rss = {"gateway": [_rss_mb(gateway)], "scanner": [_rss_mb(scanner)]}
            results: list[tuple[float, int]] = []
            stop_at = time.monotonic() + duration
            threads = [
                threading.Thread(
                    target=_client, args=(url, key, files, engines.split(","), stop_at, unique, results), daemon=True
                )
                for key in keys
            ]
            started = time.monotonic()
            for thread in threads:
                thread.start()
            while any(t.is_alive() for t in threads):
                time.sleep(min(5.0, max(0.1, stop_at - time.monotonic())))
                rss["gateway"].append(_rss_mb(gateway))
                rss["scanner"].append(_rss_mb(scanner))
            elapsed = time.monotonic() - started
            alive = gateway.poll() is None and scanner.poll() is None
            healthy = alive and httpx.get(url + "/healthz", timeout=5).status_code == 200
        finally:
            for proc in (gateway, scanner):
                proc.terminate()
            for proc in (gateway, scanner):
                try:
                    proc.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    proc.kill()
    ok = [latency for latency, status in results if status == 200]
    statuses = Counter(status for _, status in results)
    return {
        "clients": clients,
        "duration_s": round(elapsed, 1),
        "engines": engines,
        "unique_content": unique,
        "corpus_files": len(files),
        "warmup_batch_s": warmup_s,
        "requests": len(results),
        "ok": len(ok),
        "throughput_rps": round(len(ok) / elapsed, 2),
        "latency_ms": {
            "p50": round(_percentile(ok, 0.50) * 1000, 1),
            "p95": round(_percentile(ok, 0.95) * 1000, 1),
            "p99": round(_percentile(ok, 0.99) * 1000, 1),
            "mean": round(statistics.fmean(ok) * 1000, 1) if ok else None,
        },
        "error_rate": round(1 - len(ok) / len(results), 4) if results else None,
        "statuses": {str(k): v for k, v in sorted(statuses.items())},
        "rss_mb": {
            name: {
                "start": round(v[0], 1),
                "end": round(v[-1], 1),
                "max": round(max(v), 1),
                "every_5s": [round(x) for x in v],
            }
            for name, v in rss.items()
        },
        "services_up_after": healthy,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hardgen.gateway.loadtest", description=__doc__)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of load")
    parser.add_argument("--engines", default="semgrep", help="engines named in each request")
    parser.add_argument("--unique", action="store_true", help="make every request's content new (no cache hits)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON only")
    args = parser.parse_args(argv)
    report = run(args.clients, args.duration, args.engines, args.unique)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        lat, rss = report["latency_ms"], report["rss_mb"]
        if report["warmup_batch_s"] is not None:
            print(f"warm-up: one batch scan of {report['corpus_files']} corpus files in {report['warmup_batch_s']} s")
        print(
            f"{report['clients']} clients, {report['duration_s']} s, engines {report['engines']}"
            f"{' (unique content)' if report['unique_content'] else ''}: {report['requests']} requests, "
            f"{report['throughput_rps']} ok/s, p50 {lat['p50']} ms, p95 {lat['p95']} ms, p99 {lat['p99']} ms, "
            f"error rate {report['error_rate']:.2%} {report['statuses']}"
        )
        for name, v in rss.items():
            print(f"RSS {name}: {v['start']} MB at start, {v['end']} MB at end, max {v['max']} MB")
            print(f"  every 5 s: {v['every_5s']}")
        print(f"services up and healthy after the run: {report['services_up_after']}")
    return 0 if report["services_up_after"] else 1


if __name__ == "__main__":
    sys.exit(main())
