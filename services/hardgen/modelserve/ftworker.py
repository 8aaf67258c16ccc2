"""The study fine-tune worker: pulls :class:`FineTuneWork` items from ``hardgen.finetune.work``,
trains (or reuses) the LoRA adapter, publishes the study's ``ft`` work items, then acks.

Runs inside the model server (``python -m hardgen.modelserve --finetune-worker``), next to the
gRPC ``FineTune``, sharing its adapter registry and its one-fine-tune-at-a-time lock.

Why the order matters (the same guarantees as the refinement worker's):

1. the item is acked only after the adapter is registered *and* the study's ``ft`` items are
   published, so a process killed at any point leaves it unacked and JetStream redelivers it
   after ``ack_wait`` — to this process once it is back, or to another replica;
2. a redelivered item costs little: ``run_finetune`` resumes from the adapter's last checkpoint,
   or returns the registered adapter (``reused``) without training; the ``ft`` items carry
   ``Nats-Msg-Id`` = sample id and samples with an outcome are skipped, so nothing runs twice;
3. ``in_progress`` heartbeats keep a long training run from being redelivered while it is alive;
4. a fine-tune that cannot succeed (unknown base model, empty dataset) fails at once; any other
   error is retried with back-off, and after ``max_deliver`` attempts the item goes to the
   dead-letter subject. Either way the study's fine-tune state says ``failed`` and why.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from hardgen.core.events import FINETUNE_STREAM, FINETUNE_SUBJECT
from hardgen.core.logging import get_logger
from hardgen.core.studyrun import (
    FINETUNE_DURABLE,
    decode_finetune_work,
    finetunes_bucket,
    load_spec,
    publish_ft_items,
    record_finetune,
    sample_outcomes,
    tuned_model,
)
from hardgen.core.workqueue import backoff, consume, dead_letter, fetch, heartbeat, stop_heartbeat
from hardgen.modelserve.registry import AdapterRecord
from hardgen.v1 import events_pb2, modelserve_pb2

log = get_logger(__name__)

#: Trains or reuses the adapter a request asks for (blocking; run in a thread).
Trainer = Callable[[modelserve_pb2.FineTuneRequest], AdapterRecord]


@dataclass
class FineTuneWorkerConfig:
    nats_url: str
    ack_wait: float = 60.0
    max_deliver: int = 5  # a restart mid-training counts as a delivery too
    fetch_timeout: float = 2.0
    retry_delay: float = 10.0


def is_permanent(exc: BaseException) -> bool:
    """Errors no retry can fix: a missing base model, an unusable dataset, a refused config."""
    from hardgen.modelserve.dataset import DatasetError
    from hardgen.modelserve.finetune import FineTuneError, FineTuneInterrupted
    from hardgen.modelserve.localmodel import ModelNotFoundError

    if isinstance(exc, FineTuneInterrupted):
        return False  # stopped mid-run: the checkpoint remains, the retry resumes it
    return isinstance(exc, FineTuneError | DatasetError | ModelNotFoundError | LookupError)


def service_trainer(service: Any, scanner: Any = "auto") -> Trainer:
    """The production trainer: the model server's own ``finetune`` (registry, lock, device)."""
    from hardgen.modelserve.finetune import FineTuneConfig

    def train(request: modelserve_pb2.FineTuneRequest) -> AdapterRecord:
        config = FineTuneConfig.from_request(request, service.config.model, service.config.device)
        record: AdapterRecord = service.finetune(config, force=False, scanner=scanner)
        return record

    return train


class FineTuneWorker:
    def __init__(
        self,
        config: FineTuneWorkerConfig,
        train: Trainer,
        permanent: Callable[[BaseException], bool] = is_permanent,
    ) -> None:
        self.config = config
        self.train = train
        self.permanent = permanent
        self.processed = 0
        self._js: Any = None
        self._finetunes: Any = None
        self._status_kv: Any = None

    async def run(self, stop: asyncio.Event) -> None:
        async with consume(self.config, FINETUNE_STREAM, FINETUNE_SUBJECT, FINETUNE_DURABLE) as queue:
            self._js, self._status_kv = queue.js, queue.status_kv
            self._finetunes = await finetunes_bucket(queue.js)
            log.info("finetune_worker.started", nats=self.config.nats_url)
            while not stop.is_set():
                for msg in await fetch(queue.sub, 1, self.config.fetch_timeout, "finetune_worker.fetch_failed"):
                    try:
                        await self.handle(msg)
                    except Exception as exc:  # noqa: BLE001 - e.g. NATS went away mid-publish
                        # unacked: JetStream redelivers after ack_wait, and the retry is idempotent
                        log.warning("finetune_worker.handle_failed", error=f"{type(exc).__name__}: {exc}"[:300])
                        await asyncio.sleep(1.0)

    async def handle(self, msg: Any) -> None:
        try:
            work = decode_finetune_work(msg.data)
        except ValueError as exc:
            log.error("finetune_worker.undecodable", error=str(exc))
            await dead_letter(self._js, FINETUNE_STREAM, msg, str(exc))
            await msg.term()
            return
        delivered = int(msg.metadata.num_delivered)
        base = work.request.base_model
        await record_finetune(self._finetunes, work.study, work.id, "training", base=base, attempt=delivered)
        log.info("finetune_worker.training", study=work.study, finetune=work.id, base=base, attempt=delivered)
        beating = asyncio.create_task(heartbeat(msg, self.config.ack_wait))
        try:
            record = await asyncio.to_thread(self.train, work.request)
        except Exception as exc:  # noqa: BLE001 - classified below: fail now, or retry later
            await self._failed(msg, work, exc, delivered)
            return
        finally:
            await stop_heartbeat(beating)
        await self._adapter_ready(msg, work, record)

    async def _adapter_ready(self, msg: Any, work: events_pb2.FineTuneWork, record: AdapterRecord) -> None:
        model = tuned_model(work.request, record.id)
        try:
            spec = await load_spec(self._js, work.study)
        except LookupError as exc:  # the study's spec is gone: nothing to publish, ever
            await self._failed(msg, work, exc, int(msg.metadata.num_delivered))
            return
        done = set(await sample_outcomes(self._status_kv, work.study))
        report = await publish_ft_items(self._js, spec, model, done)
        await record_finetune(
            self._finetunes, work.study, work.id, "done",
            base=work.request.base_model, model=model, adapter=record.id, reused=record.reused,
            attempt=int(msg.metadata.num_delivered),
        )
        await msg.ack()
        self.processed += 1
        log.info(
            "finetune_worker.done", study=work.study, finetune=work.id, adapter=record.id,
            reused=record.reused, published=report.published, skipped_done=report.skipped_done,
        )

    async def _failed(self, msg: Any, work: events_pb2.FineTuneWork, exc: BaseException, delivered: int) -> None:
        error = f"{type(exc).__name__}: {exc}"
        if self.permanent(exc) or delivered >= self.config.max_deliver:
            log.error("finetune_worker.failed", study=work.study, finetune=work.id, error=error[:300])
            await record_finetune(
                self._finetunes, work.study, work.id, "failed", base=work.request.base_model, error=error
            )
            await dead_letter(self._js, FINETUNE_STREAM, msg, error)
            await msg.ack()
            return
        delay = backoff(self.config.retry_delay, delivered, cap=300.0)
        log.warning("finetune_worker.retry", study=work.study, finetune=work.id, retry_in_s=round(delay, 1),
                    error=error[:300])
        await record_finetune(
            self._finetunes, work.study, work.id, "pending",
            base=work.request.base_model, error=error, attempt=delivered,
        )
        await msg.nak(delay=delay)


class BackgroundFineTuneWorker:
    """The worker on its own event loop in a daemon thread, for the model server's process."""

    def __init__(self, worker: FineTuneWorker) -> None:
        import threading

        self.worker = worker
        self._loop = asyncio.new_event_loop()
        self._stop: asyncio.Event | None = None
        self._thread = threading.Thread(target=self._main, name="finetune-worker", daemon=True)

    def _main(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._stop = asyncio.Event()
        try:
            self._loop.run_until_complete(self.worker.run(self._stop))
        except Exception as exc:  # noqa: BLE001 - log it: the model server keeps serving
            log.error("finetune_worker.stopped", error=f"{type(exc).__name__}: {exc}"[:300])

    def start(self) -> BackgroundFineTuneWorker:
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        """Stop fetching; a training run in progress stays unacked and is redelivered later."""
        if self._stop is not None:
            self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(timeout=timeout)
