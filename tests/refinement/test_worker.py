"""The study worker on its own, against a JetStream of this module's own: work-item decoding, the
back-off, and what happens to an item the worker cannot finish (retried later, or failed once to
the dead-letter subject), without the rest of the pipeline."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest

from hardgen.core.events import DLQ_STREAM, WORK_STREAM, dlq_subject, work_subject
from hardgen.core.study import WorkItemSpec
from hardgen.core.studyrun import WORKER_DURABLE, connect, ensure_buckets, publish_items, status_key
from hardgen.refinement.worker import Worker, WorkerConfig, work_item
from tests.helpers import free_port, nats_process


@pytest.fixture()
def nats_url(tmp_path: Path) -> Iterator[str]:
    """A fresh JetStream per test: the workers' durable consumer and its counters are this test's alone."""
    with nats_process(tmp_path / "nats") as url:
        yield url


def item(study: str, **fields: Any) -> WorkItemSpec:
    values: dict[str, Any] = {
        "id": f"{study}-0", "study": study, "language": "python", "model": "mock/references", "scenario": 1,
        "strategy": "raw", "index": 0, "seed": 11, "temperature": 0.0, "max_new_tokens": 64,
        "engines": ["semgrep"], "options": {"nep_source": "reference"},
    }  # fmt: skip
    return WorkItemSpec(**(values | fields))


def test_a_work_item_survives_the_wire() -> None:
    spec = item("wire", engines=["semgrep", "gocustom"], options={"repair_rounds": "2", "scan_profile": "extended"})
    assert work_item(spec.to_proto().SerializeToString()) == spec  # type: ignore[attr-defined]


def test_bytes_that_are_no_work_item_do_not_decode() -> None:
    with pytest.raises(Exception, match="(?i)error parsing|truncated|wire type"):
        work_item(b"not a work item")


def test_backoff_doubles_per_delivery_with_jitter_up_to_a_minute() -> None:
    worker = Worker(WorkerConfig(nats_url="nats://unused:1", scanner_address="127.0.0.1:1", retry_delay=2.0))
    for delivered, base in [(1, 2.0), (2, 4.0), (3, 8.0), (5, 32.0), (6, 60.0), (12, 60.0)]:
        delays = [worker._backoff(delivered) for _ in range(50)]
        assert all(0.8 * base <= d <= 1.2 * base for d in delays), (delivered, min(delays), max(delays))
        assert max(delays) > min(delays), "jitter spreads workers that failed together"


@contextlib.asynccontextmanager
async def running_worker(url: str, scanner: str) -> AsyncIterator[Any]:
    """A worker pulling from the queue in the background (its real loop); yields a JetStream handle."""
    config = WorkerConfig(
        nats_url=url, scanner_address=scanner, ack_wait=30.0, max_deliver=3, fetch_timeout=0.2, retry_delay=0.2,
        scan_timeout=5.0,
    )  # fmt: skip
    stop = asyncio.Event()
    task = asyncio.create_task(Worker(config).run(stop))
    nc, js = await connect(url)

    async def consuming() -> bool:
        with contextlib.suppress(Exception):  # the worker has not created its consumer yet
            return bool(await js.consumer_info(WORK_STREAM, WORKER_DURABLE))
        return False

    try:
        assert await until(consuming), "the worker did not start consuming"
        yield js
    finally:
        stop.set()
        await asyncio.wait_for(task, timeout=15)
        await nc.close()


async def outcome(js: Any, spec: WorkItemSpec) -> dict[str, Any] | None:
    status_kv, _ = await ensure_buckets(js)
    with contextlib.suppress(Exception):  # no entry yet
        entry = await status_kv.get(status_key(spec.study, spec.id))
        return dict(json.loads(entry.value)) if entry.value else None
    return None


async def until(check: Any, timeout: float = 20.0) -> Any:
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        value = await check()
        if value or asyncio.get_running_loop().time() > deadline:
            return value
        await asyncio.sleep(0.1)


async def test_an_unreachable_scanner_is_retried_later_never_a_failed_sample(nats_url: str) -> None:
    spec = item("scanner-down")
    dead = f"127.0.0.1:{free_port()}"
    async with running_worker(nats_url, dead) as js:
        await publish_items(js, [spec], set())

        async def redelivered() -> bool:
            info = await js.consumer_info(WORK_STREAM, WORKER_DURABLE)
            return bool(info.num_redelivered >= 1)

        assert await until(redelivered), "the item came back after its back-off"
        assert await outcome(js, spec) is None, "the sample is not recorded failed: the scanner was at fault"


async def test_an_invalid_item_fails_once_to_the_dead_letter_subject(nats_url: str, scanner_address: str) -> None:
    spec = item("invalid-item", language="cobol")
    async with running_worker(nats_url, scanner_address) as js:
        await publish_items(js, [spec], set())
        recorded = await until(lambda: outcome(js, spec))
        assert recorded is not None and recorded["status"] == "failed" and "cobol" in recorded["error"]
        dead = await js.get_last_msg(DLQ_STREAM, dlq_subject(WORK_STREAM))
        assert work_item(dead.data) == spec and "cobol" in dead.headers["Hardgen-Reason"]
        assert dead.headers["Hardgen-Subject"] == work_subject(spec.study)
        info = await js.consumer_info(WORK_STREAM, WORKER_DURABLE)
        assert info.num_ack_pending == 0 and info.num_redelivered == 0, "acked: no retry can fix the item"


async def test_undecodable_bytes_are_dead_lettered_and_the_worker_goes_on(nats_url: str, scanner_address: str) -> None:
    good = item("after-garbage")
    async with running_worker(nats_url, scanner_address) as js:
        await js.publish(work_subject("garbage"), b"not a work item")
        await publish_items(js, [good], set())
        dead = await until(lambda: _last_dead_letter(js, b"not a work item"))
        assert dead is not None and dead.headers["Hardgen-Reason"] == "undecodable work item"
        recorded = await until(lambda: outcome(js, good), timeout=60)
        assert recorded is not None and recorded["status"] == "done", recorded


async def _last_dead_letter(js: Any, data: bytes) -> Any:
    with contextlib.suppress(Exception):
        msg = await js.get_last_msg(DLQ_STREAM, dlq_subject(WORK_STREAM))
        return msg if msg.data == data else None
    return None


async def test_a_finished_item_is_acked_without_work(nats_url: str) -> None:
    """A redelivery of a sample whose outcome is recorded costs nothing: no model, no scanner."""
    spec = item("already-done")
    async with running_worker(nats_url, f"127.0.0.1:{free_port()}") as js:  # a scan would fail
        status_kv, _ = await ensure_buckets(js)
        await status_kv.put(status_key(spec.study, spec.id), json.dumps({"status": "done"}).encode())
        before = (await js.consumer_info(WORK_STREAM, WORKER_DURABLE)).delivered.stream_seq
        await publish_items(js, [spec], set())

        async def acked() -> bool:
            info = await js.consumer_info(WORK_STREAM, WORKER_DURABLE)
            return bool(info.delivered.stream_seq > before and info.num_ack_pending == 0)

        assert await until(acked)
        info = await js.consumer_info(WORK_STREAM, WORKER_DURABLE)
        assert info.num_redelivered == 0 and (await outcome(js, spec)) == {"status": "done"}
