"""The mechanics every JetStream work-queue consumer of hardgen shares (the refinement workers and
modelserve's fine-tune worker): one durable pull consumer, fetches that ride out a NATS restart,
``in_progress`` heartbeats, exponential back-off and dead letters. One copy, so both consumers keep
the same delivery guarantees."""

from __future__ import annotations

import asyncio
import contextlib
import random
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any, Protocol

from hardgen.core.events import dlq_subject, ensure_streams
from hardgen.core.logging import get_logger
from hardgen.core.studyrun import connect, ensure_buckets

log = get_logger(__name__)


@dataclass
class Consumer:
    """A bound work-queue consumer: the JetStream context, the study status bucket and the pull subscription."""

    js: Any
    status_kv: Any
    sub: Any


class QueueConfig(Protocol):
    """What :func:`consume` reads of a worker's configuration."""

    nats_url: str
    ack_wait: float
    max_deliver: int


@contextlib.asynccontextmanager
async def consume(config: QueueConfig, stream: str, subject: str, durable: str) -> AsyncIterator[Consumer]:
    """Connect (reconnecting forever, as a long-running consumer must), make sure the streams and
    buckets exist, bind the durable pull consumer; the connection is closed on leaving."""
    nc, js = await connect(config.nats_url, reconnect_attempts=-1)
    try:
        await ensure_streams(js)
        status_kv, _ = await ensure_buckets(js)
        sub = await durable_pull(js, stream, subject, durable, config.ack_wait, config.max_deliver)
        yield Consumer(js, status_kv, sub)
    finally:
        with contextlib.suppress(Exception):
            await nc.close()


async def durable_pull(js: Any, stream: str, subject: str, durable: str, ack_wait: float, max_deliver: int) -> Any:
    """Create or update the durable consumer (so a changed ack wait applies on restart), then bind."""
    from nats.js.api import AckPolicy, ConsumerConfig

    config = ConsumerConfig(
        durable_name=durable,
        filter_subject=subject,
        ack_policy=AckPolicy.EXPLICIT,
        ack_wait=ack_wait,
        max_deliver=max_deliver,
    )
    await js.add_consumer(stream, config)
    return await js.pull_subscribe(subject, durable=durable, stream=stream)


async def fetch(sub: Any, batch: int, timeout: float, event: str) -> list[Any]:
    """Up to ``batch`` messages; none on a quiet queue, and none (after a pause) while NATS reconnects."""
    try:
        return list(await sub.fetch(batch, timeout=timeout))
    except TimeoutError:
        return []
    except Exception as exc:  # noqa: BLE001 - NATS reconnecting: wait and fetch again
        log.warning(event, error=type(exc).__name__)
        await asyncio.sleep(1.0)
        return []


async def heartbeat(msg: Any, ack_wait: float) -> None:
    """Tell JetStream the item is still being worked on, three times per ``ack_wait``, until cancelled."""
    interval = max(ack_wait / 3.0, 0.5)
    while True:
        await asyncio.sleep(interval)
        with contextlib.suppress(Exception):
            await msg.in_progress()


async def stop_heartbeat(task: asyncio.Task[None]) -> None:
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task


def backoff(retry_delay: float, delivered: int, cap: float) -> float:
    """Exponential back-off with jitter: ``retry_delay`` doubled per delivery, at most ``cap``."""
    base = retry_delay * (2 ** max(delivered - 1, 0))
    return float(min(base, cap) * random.uniform(0.8, 1.2))  # noqa: S311 - jitter, not crypto


async def dead_letter(js: Any, stream: str, msg: Any, reason: str) -> None:
    """Copy the message to ``hardgen.dlq.<stream>`` with why and where it came from."""
    headers = {"Hardgen-Reason": " ".join(reason.split())[:200], "Hardgen-Subject": msg.subject}
    await js.publish(dlq_subject(stream), msg.data, headers=headers)
