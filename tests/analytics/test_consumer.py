"""The JetStream consumer: idempotent under redelivery, correct under out-of-order events."""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import AsyncIterator, Callable
from typing import Any

import nats
import nats.js.errors
import pytest

from hardgen.analytics.consumer import EventConsumer
from hardgen.analytics.store import Store
from hardgen.analytics.tables import compute_tables
from hardgen.core.events import ensure_streams
from tests.analytics.events import generated, publish, scanned

# fixtures run on the session loop (pyproject), so the tests must too
pytestmark = pytest.mark.asyncio(loop_scope="session")

SQLI = ("py/sql-injection", [89], 8.8)
XSS = ("py/reflective-xss", [79, 116], 6.1)


@pytest.fixture
async def js(nats_server: str) -> AsyncIterator[Any]:
    nc = await nats.connect(nats_server)
    context = nc.jetstream()
    await ensure_streams(context)
    yield context
    await nc.close()


@pytest.fixture
async def consumer(store: Store, nats_server: str) -> AsyncIterator[EventConsumer]:
    running = EventConsumer(store, nats_server, durable=f"test-{uuid.uuid4().hex[:8]}")
    task = asyncio.create_task(running.run())
    yield running
    await running.stop()
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError, Exception):
        await task


async def until(predicate: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not predicate():
        assert asyncio.get_running_loop().time() < deadline, "condition not reached in time"
        await asyncio.sleep(0.05)


def study_counts(store: Store, study: str) -> tuple[int, int, float]:
    row = store.query(
        "SELECT count(DISTINCT s.id), coalesce(sum(f.count), 0), coalesce(sum(f.severity * f.count), 0) "
        "FROM samples s LEFT JOIN findings f ON f.sample_id = s.id WHERE s.study = ? AND s.generated AND s.scanned",
        [study],
    )[0]
    return int(row[0]), int(row[1]), float(row[2])


async def test_redelivered_events_never_double_count(store: Store, js: Any, consumer: EventConsumer) -> None:
    study = f"redeliver-{uuid.uuid4().hex[:6]}"
    raw, nep = generated(study, "m", "raw", 0), generated(study, "m", "nep", 0)
    for event in (raw, scanned(raw, [SQLI, XSS]), nep, scanned(nep, [])):
        await publish(js, event)
    await until(lambda: study_counts(store, study)[0] == 2)
    before = study_counts(store, study)
    assert before == (2, 2, pytest.approx(8.8 + 6.1))
    # the same events again under new message ids: JetStream cannot de-duplicate them, the consumer must
    processed = consumer.state.processed
    for event in (raw, scanned(raw, [SQLI, XSS]), nep, scanned(nep, [])):
        await publish(js, event, msg_id=uuid.uuid4().hex)
    await until(lambda: consumer.state.processed >= processed + 4)
    assert study_counts(store, study) == before
    assert (
        store.query("SELECT count(*) FROM scans s JOIN samples x ON x.id = s.sample_id WHERE x.study = ?", [study])[0][
            0
        ]
        == 2
    )
    tables = compute_tables(store, study, ["improvement_severity"], replicates=50)
    row = tables["improvement_severity"].records()[0]
    assert (row["raw"], row["value"], row["improvement"]) == (pytest.approx(14.9), 0.0, pytest.approx(100.0))


async def test_scan_before_sample(store: Store, js: Any, consumer: EventConsumer) -> None:
    study = f"ooo-{uuid.uuid4().hex[:6]}"
    event = generated(study, "m", "raw", 0)
    await publish(js, scanned(event, [SQLI]))
    await until(lambda: store.query("SELECT count(*) FROM samples WHERE study = ?", [study])[0][0] == 1)
    # a scan alone is a placeholder, not a sample: it is not counted yet
    assert study_counts(store, study)[0] == 0
    assert store.query("SELECT generated, scanned FROM samples WHERE study = ?", [study]) == [(False, True)]
    await publish(js, event)
    await until(lambda: study_counts(store, study)[0] == 1)
    assert study_counts(store, study) == (1, 1, pytest.approx(8.8))
    row = store.query_dicts("SELECT * FROM samples WHERE study = ?", [study])[0]
    assert (row["model"], row["technique"], row["sample_index"], row["latency_ms"]) == ("m", "raw", 0, 12.5)
    assert row["prompt_ids"] == ["p-raw"]
    # a late redelivery of the sample keeps the scan; a new scan replaces the findings
    await publish(js, event, msg_id=uuid.uuid4().hex)
    await publish(js, scanned(event, [XSS]), msg_id=uuid.uuid4().hex)
    await until(lambda: study_counts(store, study)[2] == pytest.approx(6.1))
    assert study_counts(store, study)[:2] == (1, 1)


async def test_failed_commit_is_redelivered_once_committed(
    store: Store, js: Any, consumer: EventConsumer, monkeypatch: pytest.MonkeyPatch
) -> None:
    study = f"nak-{uuid.uuid4().hex[:6]}"
    real = consumer._commit
    calls = {"n": 0}

    def flaky(events: list[Any]) -> None:
        if any(
            getattr(e, "study", "") == study or getattr(getattr(e, "item", None), "study", "") == study for e in events
        ):
            calls["n"] += 1
            if calls["n"] <= 2:  # the batch and then the single retry both fail: nak → redelivery
                raise RuntimeError("database busy")
        real(events)

    monkeypatch.setattr(consumer, "_commit", flaky)
    consumer.retry_delay = 0.5
    event = generated(study, "m", "raw", 0)
    await publish(js, event)
    await publish(js, scanned(event, [SQLI]))
    await until(lambda: study_counts(store, study)[0] == 1, timeout=40)
    assert calls["n"] >= 3
    assert study_counts(store, study) == (1, 1, pytest.approx(8.8))


async def test_undecodable_event_is_dead_lettered_not_retried(store: Store, js: Any, consumer: EventConsumer) -> None:
    from hardgen.core.events import DLQ_STREAM, EVENTS_STREAM, dlq_subject

    body = b"\xff\xff\xff not protobuf " + uuid.uuid4().hex.encode()
    await js.publish("hardgen.scan.completed", body)
    await until(lambda: consumer.state.rejected >= 1)

    async def in_dlq() -> Any:
        return await js.get_last_msg(DLQ_STREAM, dlq_subject(EVENTS_STREAM))

    deadline = asyncio.get_running_loop().time() + 10
    while True:
        with contextlib.suppress(nats.js.errors.NotFoundError):  # nothing dead-lettered yet
            if (last := await in_dlq()).data == body:
                break
        assert asyncio.get_running_loop().time() < deadline, "not dead-lettered"
        await asyncio.sleep(0.1)
    assert last.headers["Hardgen-Subject"] == "hardgen.scan.completed"
    assert last.headers["Hardgen-Reason"]  # why it was rejected


async def test_failed_generation_is_progress_not_a_clean_sample(store: Store, js: Any, consumer: EventConsumer) -> None:
    from hardgen.analytics.service import study_progress

    study = f"failed-{uuid.uuid4().hex[:6]}"
    ok, broken = generated(study, "m", "raw", 0), generated(study, "m", "raw", 1, error="TimeoutError: backend")
    for event in (ok, scanned(ok, [SQLI]), broken, scanned(broken, [])):
        await publish(js, event)
    await until(
        lambda: (
            store.query("SELECT count(*) FROM samples WHERE study = ? AND scanned AND generated", [study])[0][0] == 2
        )
    )
    progress = study_progress(store, study)
    assert (progress["generated"], progress["scanned"], progress["failed"]) == (2, 2, 1)
    prevalence = compute_tables(store, study, ["prevalence"])["prevalence"].records()
    assert [(r["samples"], r["with_cwe"]) for r in prevalence] == [(1, 1)]  # the failure is not a clean sample


async def test_event_failing_every_delivery_is_dead_lettered(
    store: Store, js: Any, nats_server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hardgen.analytics import consumer as consumer_module
    from hardgen.core.events import DLQ_STREAM, EVENTS_STREAM, dlq_subject

    monkeypatch.setattr(consumer_module, "MAX_DELIVER", 2)
    study = f"poison-{uuid.uuid4().hex[:6]}"
    running = EventConsumer(store, nats_server, durable=f"test-{uuid.uuid4().hex[:8]}")
    running.retry_delay = 0.2
    real = running._commit

    def poisoned(events: list[Any]) -> None:
        if any(getattr(getattr(e, "item", None), "study", "") == study for e in events):
            raise RuntimeError("constraint violated")
        real(events)

    monkeypatch.setattr(running, "_commit", poisoned)
    task = asyncio.create_task(running.run())
    try:
        event = generated(study, "m", "raw", 0)
        await publish(js, event)
        deadline = asyncio.get_running_loop().time() + 20
        while True:
            with contextlib.suppress(nats.js.errors.NotFoundError):  # nothing dead-lettered yet
                last = await js.get_last_msg(DLQ_STREAM, dlq_subject(EVENTS_STREAM))
                if last.data == event.SerializeToString():
                    break
            assert asyncio.get_running_loop().time() < deadline, "not dead-lettered"
            await asyncio.sleep(0.1)
        assert "failed 2 times: constraint violated" in last.headers["Hardgen-Reason"]
    finally:
        await running.stop()
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await task
