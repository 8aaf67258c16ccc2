"""The JetStream consumer that fills the store from ``sample.generated`` and ``scan.completed``.

A durable pull consumer on the events stream: each fetched batch is written in one transaction
and acked only after the commit, so a crash before the commit means redelivery, never loss. Writes
are idempotent on the sample id (upsert the sample, replace its findings), so redelivery never
double-counts, and a scan that arrives before its sample waits in a placeholder row.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from dataclasses import dataclass
from typing import Any

from google.protobuf.message import DecodeError

from hardgen.analytics.ingest import SampleRecord, ensure_study, replace_findings, upsert_prompts, upsert_sample
from hardgen.analytics.scanning import findings_from_proto
from hardgen.analytics.store import Store
from hardgen.core.events import EVENTS_STREAM, SAMPLE_GENERATED, SCAN_COMPLETED, dlq_subject, ensure_streams
from hardgen.core.logging import get_logger
from hardgen.v1 import events_pb2

log = get_logger(__name__)

DURABLE = "hardgen-analytics"
BATCH = 256
ACK_WAIT_SECONDS = 60.0
MAX_DELIVER = 10
RETRY_DELAY_SECONDS = 5.0


@dataclass(slots=True)
class ConsumerState:
    connected: bool = False
    processed: int = 0
    rejected: int = 0
    last_error: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "nats_connected": self.connected,
            "events_processed": self.processed,
            "events_rejected": self.rejected,
            "last_error": self.last_error,
        }


def apply_sample_generated(con: Any, event: events_pb2.SampleGenerated) -> None:
    item = event.item
    study = item.study
    ensure_study(con, study, source="events")
    upsert_prompts(
        con,
        [
            {"id": p.id, "step": p.step, "template": p.template, "template_version": p.template_version, "text": p.text}
            for p in event.prompts
            if p.id
        ],
    )
    upsert_sample(
        con,
        SampleRecord(
            id=event.sample_id or item.id,
            study=study,
            language=item.language,
            model=item.model,
            scenario=item.scenario,
            technique=item.strategy,
            sample_key=str(item.index),
            sample_index=item.index,
            code_hash=event.code_hash,
            prompt_ids=[p.id for p in event.prompts if p.id],
            parses=event.parses,
            latency_ms=event.stats.latency_ms,
            prompt_tokens=event.stats.prompt_tokens,
            completion_tokens=event.stats.completion_tokens,
            peak_memory_bytes=event.stats.peak_memory_bytes,
            error=event.error,
            source="events",
            generated=True,
            scanned=False,
        ),
    )


def apply_scan_completed(con: Any, event: events_pb2.ScanCompleted) -> None:
    ensure_study(con, event.study, source="events")
    replace_findings(
        con,
        event.sample_id,
        event.study,
        findings_from_proto(event.findings),
        engines=list(event.engines),
        rule_pack_version=event.rule_pack_version,
        errors=len(event.errors),
        profile=event.profile,
    )


def decode(subject: str, data: bytes) -> events_pb2.SampleGenerated | events_pb2.ScanCompleted:
    """The event for ``subject``; raises ValueError for an unknown subject or an undecodable body."""
    try:
        if subject == SAMPLE_GENERATED:
            generated = events_pb2.SampleGenerated.FromString(data)
            if not (generated.sample_id or generated.item.id) or not generated.item.study:
                raise ValueError("sample.generated without sample id or study")
            return generated
        if subject == SCAN_COMPLETED:
            scan = events_pb2.ScanCompleted.FromString(data)
            if not scan.sample_id or not scan.study:
                raise ValueError("scan.completed without sample id or study")
            return scan
    except DecodeError as exc:
        raise ValueError(f"undecodable {subject} body: {exc}") from exc
    raise ValueError(f"unexpected subject {subject}")


def apply(con: Any, event: events_pb2.SampleGenerated | events_pb2.ScanCompleted) -> None:
    if isinstance(event, events_pb2.SampleGenerated):
        apply_sample_generated(con, event)
    else:
        apply_scan_completed(con, event)


def _deliveries(msg: Any) -> int:
    try:
        return int(msg.metadata.num_delivered)
    except Exception:  # noqa: BLE001 - not a JetStream message: treat as a first delivery
        return 1


class EventConsumer:
    """Pulls events from JetStream into the store until :meth:`stop`."""

    def __init__(self, store: Store, url: str, durable: str = DURABLE) -> None:
        self.store = store
        self.url = url
        self.durable = durable
        self.state = ConsumerState()
        self.retry_delay = RETRY_DELAY_SECONDS
        self._stopping = asyncio.Event()
        self._nc: Any = None
        self._js: Any = None

    async def run(self) -> None:
        import nats
        from nats.js.api import AckPolicy, ConsumerConfig, DeliverPolicy

        from hardgen.core.settings import nats_auth_options

        self._nc = await nats.connect(
            self.url,
            max_reconnect_attempts=-1,
            reconnect_time_wait=1.0,
            name="hardgen-analytics",
            **nats_auth_options(),
        )
        js = self._js = self._nc.jetstream()
        await ensure_streams(js)
        config = ConsumerConfig(
            durable_name=self.durable,
            ack_policy=AckPolicy.EXPLICIT,
            deliver_policy=DeliverPolicy.ALL,
            ack_wait=ACK_WAIT_SECONDS,
            max_deliver=MAX_DELIVER,
            max_ack_pending=BATCH * 8,
        )
        await js.add_consumer(EVENTS_STREAM, config)
        sub = await js.pull_subscribe_bind(durable=self.durable, stream=EVENTS_STREAM)
        self.state.connected = True
        log.info("analytics.consumer.started", url=self.url, durable=self.durable)
        while not self._stopping.is_set():
            try:
                messages = await sub.fetch(BATCH, timeout=1.0)
            except TimeoutError:
                continue
            except Exception as exc:  # noqa: BLE001 - connection trouble: keep trying until stopped
                if self._stopping.is_set():
                    break
                self.state.last_error = str(exc)
                log.warning("analytics.consumer.fetch_failed", error=str(exc))
                await asyncio.sleep(0.5)
                continue
            await self._handle(messages)

    async def _handle(self, messages: list[Any]) -> None:
        decoded = []
        for msg in messages:
            try:
                decoded.append((msg, decode(msg.subject, msg.data)))
            except ValueError as exc:
                self.state.rejected += 1
                log.error("analytics.consumer.rejected", subject=msg.subject, error=str(exc))
                await self._dead_letter(msg, str(exc))
        if not decoded:
            return
        began = time.perf_counter()
        try:
            await asyncio.to_thread(self._commit, [event for _, event in decoded])
        except Exception as exc:  # noqa: BLE001 - one bad event must not block the batch
            log.warning("analytics.consumer.batch_failed", error=str(exc), size=len(decoded))
            for msg, event in decoded:
                try:
                    await asyncio.to_thread(self._commit, [event])
                except Exception as one:  # noqa: BLE001
                    log.error("analytics.consumer.event_failed", subject=msg.subject, error=str(one))
                    if _deliveries(msg) >= MAX_DELIVER:
                        await self._dead_letter(msg, f"failed {MAX_DELIVER} times: {one}")
                    else:
                        await msg.nak(delay=self.retry_delay)
                    continue
                await msg.ack()
                self.state.processed += 1
            return
        for msg, _ in decoded:
            await msg.ack()
        self.state.processed += len(decoded)
        # one line per batch: the ingest share of a study's time (make bench-demo sums these)
        log.info("analytics.consumer.committed", events=len(decoded), ms=round((time.perf_counter() - began) * 1000, 1))

    async def _dead_letter(self, msg: Any, reason: str) -> None:
        """Keep the event in the DLQ stream (with why and where it came from), then stop its redelivery."""
        headers = {"Hardgen-Reason": " ".join(reason.split())[:200], "Hardgen-Subject": msg.subject}
        try:
            await self._js.publish(dlq_subject(EVENTS_STREAM), msg.data, headers=headers)
        except Exception as exc:  # noqa: BLE001 - keep it in the stream rather than lose it
            log.error("analytics.consumer.dead_letter_failed", error=str(exc))
            await msg.nak(delay=self.retry_delay)
            return
        await msg.term()

    def _commit(self, events: list[Any]) -> None:
        with self.store.transaction() as con:
            for event in events:
                apply(con, event)

    async def stop(self) -> None:
        self._stopping.set()
        if self._nc is not None:
            with contextlib.suppress(Exception):  # already closed
                await self._nc.close()
        self.state.connected = False
