"""A worker holding several work items at once (``--concurrency``): real JetStream, the real
scanner service, the ``mock/references`` model. Items overlap (that is what lets modelserve batch
and the scanner merge), and still every sample is generated, scanned, published and recorded once.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import pytest

from hardgen.core.events import EVENTS_STREAM, ensure_streams
from hardgen.core.study import StudySpec
from hardgen.core.studyrun import connect, ensure_buckets, publish_items, sample_outcomes
from hardgen.refinement.worker import Worker, WorkerConfig
from tests.helpers import wait_until

pytestmark = pytest.mark.slow


def study(name: str) -> StudySpec:
    return StudySpec.model_validate({
        "name": name, "models": ["mock/references"], "languages": ["python"], "scenarios": [1, 2, 8],
        "strategies": ["raw", "cot"], "samples": 2, "engines": ["semgrep"],
    })  # fmt: skip


@contextmanager
def running_worker(config: WorkerConfig) -> Iterator[Worker]:
    """The worker's own loop in a thread, as ``python -m hardgen.refinement.worker`` runs it."""
    worker = Worker(config)
    loop = asyncio.new_event_loop()
    loop.set_default_executor(ThreadPoolExecutor(max_workers=2 * config.concurrency + 2))
    stop = asyncio.Event()
    thread = threading.Thread(target=loop.run_until_complete, args=(worker.run(stop),), daemon=True)
    thread.start()
    try:
        yield worker
    finally:
        loop.call_soon_threadsafe(stop.set)
        thread.join(timeout=30)


async def publish(url: str, spec: StudySpec) -> int:
    nc, js = await connect(url)
    try:
        await ensure_streams(js)
        report = await publish_items(js, list(spec.items()), skip=set())
        return report.published
    finally:
        await nc.close()


async def outcomes(url: str, name: str) -> dict[str, dict[str, object]]:
    nc, js = await connect(url)
    try:
        status_kv, _ = await ensure_buckets(js)
        return await sample_outcomes(status_kv, name)
    finally:
        await nc.close()


async def stored_events(url: str) -> int:
    """Messages in the events stream (0 before any worker created it)."""
    from nats.js.errors import NotFoundError

    nc, js = await connect(url)
    try:
        return int((await js.stream_info(EVENTS_STREAM)).state.messages)
    except NotFoundError:
        return 0
    finally:
        await nc.close()


def run_study(url: str, scanner: str, name: str, concurrency: int) -> tuple[Worker, dict[str, dict[str, object]]]:
    spec = study(name)
    total = spec.total_samples
    with running_worker(WorkerConfig(url, scanner, fetch_timeout=0.5, concurrency=concurrency)) as worker:
        assert asyncio.run(publish(url, spec)) == total
        assert wait_until(lambda: len(asyncio.run(outcomes(url, name))) >= total, timeout=180, interval=0.5)
    return worker, asyncio.run(outcomes(url, name))


def test_items_overlap_and_each_sample_is_done_once(module_nats: str, scanner_address: str) -> None:
    before = asyncio.run(stored_events(module_nats))
    worker, done = run_study(module_nats, scanner_address, "overlap", concurrency=4)
    assert len(done) == 12 and {o["status"] for o in done.values()} == {"done"}
    assert 1 < worker.peak_in_flight <= 4  # several items in flight, never more than asked
    assert worker.processed == 12 and worker.in_flight == 0
    # one sample.generated and one scan.completed per sample, none twice
    assert asyncio.run(stored_events(module_nats)) - before == 24


def test_one_item_at_a_time_by_default(module_nats: str, scanner_address: str) -> None:
    before = asyncio.run(stored_events(module_nats))
    worker, done = run_study(module_nats, scanner_address, "serial", concurrency=1)
    assert len(done) == 12 and worker.peak_in_flight == 1
    assert asyncio.run(stored_events(module_nats)) - before == 24


def test_a_concurrency_below_one_is_refused_in_one_line() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "hardgen.refinement.worker", "--concurrency", "0"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert proc.returncode == 2
    assert "--concurrency must be at least 1" in proc.stderr and "Traceback" not in proc.stderr
