"""Study worker: pulls work items from JetStream, generates, scans, publishes, then acks.

``python -m hardgen.refinement.worker [--nats URL] [--scanner ADDR] [--health-port P]``

Delivery guarantees (why the order below matters):

1. a work item is acked only after ``sample.generated`` and ``scan.completed`` are published and
   its outcome is recorded in the study's key-value bucket, so a worker killed at any point leaves
   the item unacked and JetStream redelivers it after ``ack_wait``;
2. a redelivered item whose outcome is already recorded is acked without work, and every publish
   carries a ``Nats-Msg-Id`` derived from the sample id, so nothing is counted twice;
3. long generations send ``in_progress`` heartbeats so they are not redelivered while alive (a
   worker holds up to ``concurrency`` items at once, each with its own heartbeat);
4. an unreachable scanner is not the sample's fault: the item is nak'ed with a back-off delay and
   retried later instead of being recorded as failed;
5. after ``max_deliver`` attempts the item goes to the dead-letter subject and is recorded failed.

Why ``concurrency`` (``--concurrency``, ``HARDGEN_WORKER_CONCURRENCY``): one item at a time leaves
both shared back ends idle half the time and defeats their batching. With several items in flight,
concurrent model calls reach modelserve's continuous batcher together (shared decoding steps instead of
many single ones) and concurrent scans reach the scanner's coalescer together (one Semgrep run
for many samples instead of one process start per sample). Each item is still generated, scanned,
published and acked exactly as alone; only the waiting overlaps.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import hashlib
import json
import signal
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from hardgen.core.clients.scanner import ScannerClient, ScannerClientError, ScannerRequestError, ScannerUnavailableError
from hardgen.core.events import (
    MSG_ID_HEADER,
    SAMPLE_GENERATED,
    SCAN_COMPLETED,
    WORK_STREAM,
    WORK_SUBJECT_PATTERN,
)
from hardgen.core.logging import configure_logging, get_logger
from hardgen.core.settings import load_settings
from hardgen.core.study import SCAN_PROFILE_OPTION, WorkItemSpec
from hardgen.core.studyrun import WORKER_DURABLE, record_outcome, status_key
from hardgen.core.workqueue import backoff, consume, dead_letter, fetch, heartbeat
from hardgen.refinement.convert import sample_to_proto
from hardgen.refinement.errors import RequestError
from hardgen.refinement.scanning import FindingsScanner
from hardgen.refinement.service import GenerateSpec, RefinementService, Sample
from hardgen.refinement.settings import RefinementSettings
from hardgen.v1 import events_pb2

log = get_logger(__name__)


@dataclass
class WorkerConfig:
    nats_url: str
    scanner_address: str
    ack_wait: float = 60.0
    max_deliver: int = 5
    fetch_timeout: float = 2.0
    scan_timeout: float = 120.0
    retry_delay: float = 5.0
    concurrency: int = 1  # work items in flight at once (see the module docstring)


class ScannerDown(Exception):
    """The scanner could not be reached: retry the item later, do not fail the sample."""


def work_item(data: bytes) -> WorkItemSpec:
    msg = events_pb2.WorkItem.FromString(data)
    return WorkItemSpec(
        id=msg.id,
        study=msg.study,
        language=msg.language,
        model=msg.model,
        scenario=msg.scenario,
        strategy=msg.strategy,
        index=msg.index,
        seed=msg.seed,
        temperature=msg.temperature,
        max_new_tokens=msg.max_new_tokens,
        engines=list(msg.engines),
        options=dict(msg.options),
    )


def generate_spec(item: WorkItemSpec) -> GenerateSpec:
    options = {"study": item.study, **item.options}
    options.pop(SCAN_PROFILE_OPTION, None)  # for the worker's own scan, not for the model backend
    provider = item.model.split("/", 1)[0] + "/"
    if options.get("ft_model", "").startswith(provider):
        # studies name the tuned model by its full address; the ft step wants the provider's id
        options["ft_model"] = options["ft_model"][len(provider) :]
    if not options.get("ft_model"):
        options.pop("ft_model", None)
    return GenerateSpec(
        language=item.language,
        model=item.model,
        strategy=item.strategy,
        scenario=item.scenario,
        n=1,
        seed=item.seed,
        temperature=item.temperature,
        max_new_tokens=item.max_new_tokens,
        options=options,
        profile=item.options.get(SCAN_PROFILE_OPTION, ""),  # the study's profile, for repair feedback too
    )


def sample_event(item: WorkItemSpec, sample: Sample) -> events_pb2.SampleGenerated:
    """The ``sample.generated`` event; prompts and stats are converted exactly as the gRPC API does."""
    converted = sample_to_proto(sample)
    return events_pb2.SampleGenerated(
        sample_id=item.id,
        item=item.to_proto(),  # type: ignore[arg-type]
        code=sample.code,
        code_hash=hashlib.sha256(sample.code.encode("utf-8")).hexdigest(),
        raw_response=sample.raw_response,
        parses=sample.parses,
        prompts=converted.prompts,
        stats=converted.stats,
        error=sample.error,
        template_versions=sample.template_versions,
    )


class Worker:
    def __init__(self, config: WorkerConfig) -> None:
        self.config = config
        self.scanner = ScannerClient(config.scanner_address, timeout=config.scan_timeout)
        self.service = RefinementService(scanner=FindingsScanner(self.scanner))
        self.processed = 0
        self.in_flight = 0  # items being handled now
        self.peak_in_flight = 0  # the most at once since start (health endpoint; tests)
        self._js: Any = None
        self._status_kv: Any = None

    async def run(self, stop: asyncio.Event) -> None:
        async with consume(self.config, WORK_STREAM, WORK_SUBJECT_PATTERN, WORKER_DURABLE) as queue:
            self._js, self._status_kv = queue.js, queue.status_kv
            log.info(
                "worker.started",
                nats=self.config.nats_url,
                scanner=self.config.scanner_address,
                concurrency=self.config.concurrency,
            )
            await self._pull_loop(queue.sub, stop)

    async def _pull_loop(self, sub: Any, stop: asyncio.Event) -> None:
        """Keep up to ``concurrency`` items in flight: fetch only as many as there are free slots, so
        no item waits unacked in this worker while another worker is idle."""
        limit = max(1, self.config.concurrency)
        in_flight: set[asyncio.Task[None]] = set()
        try:
            while not stop.is_set():
                free = limit - len(in_flight)
                if free <= 0:
                    await asyncio.wait(in_flight, return_when=asyncio.FIRST_COMPLETED)
                    continue
                for msg in await fetch(sub, free, self.config.fetch_timeout, "worker.fetch_failed"):
                    task = asyncio.create_task(self._handle_safely(msg))
                    in_flight.add(task)
                    task.add_done_callback(in_flight.discard)
        finally:
            # stopping: unfinished items stay unacked and JetStream redelivers them after ack_wait
            for task in in_flight:
                task.cancel()
            if in_flight:
                await asyncio.wait(in_flight, timeout=5.0)

    async def _handle_safely(self, msg: Any) -> None:
        self.in_flight += 1
        self.peak_in_flight = max(self.peak_in_flight, self.in_flight)
        try:
            await self.handle(msg)
        except Exception as exc:  # noqa: BLE001 - e.g. NATS went away mid-publish
            # never crash: the item stays unacked and JetStream redelivers it after
            # ack_wait; outcomes and msg ids make the retry idempotent
            log.warning("worker.handle_failed", error=f"{type(exc).__name__}: {exc}"[:300])
            await asyncio.sleep(1.0)
        finally:
            self.in_flight -= 1

    async def handle(self, msg: Any) -> None:
        try:
            item = work_item(msg.data)
        except Exception:  # noqa: BLE001 - not a WorkItem: dead-letter it, never crash
            await self._dead_letter(msg, "undecodable work item")
            await msg.term()
            return
        if await self._already_done(item):
            await msg.ack()
            return
        heartbeat = asyncio.create_task(self._heartbeat(msg))
        try:
            await self._process(msg, item)
        finally:
            heartbeat.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await heartbeat

    async def _process(self, msg: Any, item: WorkItemSpec) -> None:
        delivered = int(msg.metadata.num_delivered)
        started = time.perf_counter()
        try:
            sample = await asyncio.to_thread(self._generate, item)
            generated = time.perf_counter()
            scan = await self._scan_with_backoff(item, sample)
            scanned = time.perf_counter()
        except ScannerDown as exc:
            delay = self._backoff(delivered)
            log.warning("worker.scanner_down", sample=item.id, retry_in_s=round(delay, 1), error=str(exc))
            await msg.nak(delay=delay)
            return
        except RequestError as exc:  # the item itself is invalid: no retry can fix it
            await self._fail(msg, item, str(exc), dead_letter=True)
            return
        except Exception as exc:  # noqa: BLE001 - unexpected: retry, dead-letter after max_deliver
            log.error("worker.item_failed", sample=item.id, error=f"{type(exc).__name__}: {exc}"[:300])
            if delivered >= self.config.max_deliver:
                await self._fail(msg, item, f"{type(exc).__name__}: {exc}", dead_letter=True)
            else:
                await msg.nak(delay=self._backoff(delivered))
            return
        await self._publish(item, sample, scan)
        await record_outcome(self._status_kv, item, "failed" if sample.error else "done", sample.error)
        await msg.ack()
        self.processed += 1
        # the phase times `make bench-demo` sums: generation (the whole strategy chain, repair scans
        # included), the sample's own scan, and NATS (two publishes, the outcome, the ack)
        log.info(
            "worker.sample_done",
            sample=item.id,
            strategy=item.strategy,
            parses=sample.parses,
            findings=len(scan.findings),
            generate_ms=round((generated - started) * 1000, 1),
            scan_ms=round((scanned - generated) * 1000, 1),
            nats_ms=round((time.perf_counter() - scanned) * 1000, 1),
        )

    def _generate(self, item: WorkItemSpec) -> Sample:
        try:
            return self.service.generate(generate_spec(item))[0]
        except ScannerUnavailableError as exc:  # sast-repair/nep need the scanner before generating
            raise ScannerDown(str(exc)) from None

    async def _scan_with_backoff(self, item: WorkItemSpec, sample: Sample) -> Any:
        from hardgen.core.languages import parse_language

        if not sample.code:
            from hardgen.v1 import scanner_pb2

            return scanner_pb2.ScanResponse()
        language = parse_language(item.language)
        path = f"{item.id}{language.extension}"
        profile = item.options.get(SCAN_PROFILE_OPTION)  # the study's scanner.profile
        files = [(path, sample.code, language.value)]
        try:
            return await asyncio.to_thread(self.scanner.scan, files, item.engines or None, None, profile)
        except ScannerRequestError:
            return await asyncio.to_thread(self.scanner.scan, files, None, None, profile)
        except ScannerClientError as exc:
            raise ScannerDown(str(exc)) from None

    async def _publish(self, item: WorkItemSpec, sample: Sample, scan: Any) -> None:
        generated = sample_event(item, sample)
        completed = events_pb2.ScanCompleted(
            sample_id=item.id,
            study=item.study,
            findings=list(scan.findings),
            errors=list(scan.errors),
            engines=list(item.engines),
            rule_pack_version=scan.rule_pack_version,
            profile=scan.profile,
        )
        await self._js.publish(
            SAMPLE_GENERATED, generated.SerializeToString(), headers={MSG_ID_HEADER: f"{item.id}.generated"}
        )
        await self._js.publish(
            SCAN_COMPLETED, completed.SerializeToString(), headers={MSG_ID_HEADER: f"{item.id}.scan"}
        )

    async def _fail(self, msg: Any, item: WorkItemSpec, error: str, dead_letter: bool) -> None:
        sample = Sample(
            id=item.id,
            index=item.index,
            language=item.language,
            scenario=item.scenario,
            model=item.model,
            strategy=item.strategy,
            seed=item.seed,
            error=error[:500],
        )
        await self._publish(item, sample, _empty_scan())
        await record_outcome(self._status_kv, item, "failed", error)
        if dead_letter:
            await self._dead_letter(msg, error)
        await msg.ack()

    async def _dead_letter(self, msg: Any, reason: str) -> None:
        await dead_letter(self._js, WORK_STREAM, msg, reason)

    async def _already_done(self, item: WorkItemSpec) -> bool:
        try:
            entry = await self._status_kv.get(status_key(item.study, item.id))
        except Exception:  # noqa: BLE001 - KeyNotFoundError: not done yet
            return False
        return bool(entry.value)

    async def _heartbeat(self, msg: Any) -> None:
        await heartbeat(msg, self.config.ack_wait)

    def _backoff(self, delivered: int) -> float:
        """Exponential back-off with jitter, capped at a minute."""
        return backoff(self.config.retry_delay, delivered, cap=60.0)


def _empty_scan() -> Any:
    from hardgen.v1 import scanner_pb2

    return scanner_pb2.ScanResponse()


async def _health_server(port: int, worker: Worker) -> asyncio.AbstractServer:
    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(Exception):
            await asyncio.wait_for(reader.readline(), timeout=2.0)
            body = json.dumps(
                {
                    "status": "ok",
                    "processed": worker.processed,
                    "in_flight": worker.in_flight,
                    "peak_in_flight": worker.peak_in_flight,
                    "concurrency": worker.config.concurrency,
                }
            ).encode()
            writer.write(
                b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                + str(len(body)).encode()
                + b"\r\nConnection: close\r\n\r\n"
                + body
            )
            await writer.drain()
        writer.close()

    return await asyncio.start_server(answer, host="0.0.0.0", port=port)  # noqa: S104 - container probe


async def main_async(config: WorkerConfig, health_port: int | None) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    # every in-flight item needs a thread for its blocking generation or scan call; the default
    # executor (cores + 4 threads) would cap concurrency below what was asked for
    loop.set_default_executor(ThreadPoolExecutor(max_workers=2 * max(1, config.concurrency) + 2))
    for sig in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop.set)
    worker = Worker(config)
    server = await _health_server(health_port, worker) if health_port else None
    try:
        await worker.run(stop)
    finally:
        if server is not None:
            server.close()


def main(argv: list[str] | None = None) -> None:
    # read once, here: a bad HARDGEN_* value is one line and exit 2; flags override the settings
    settings = load_settings(RefinementSettings, "worker")
    parser = argparse.ArgumentParser(prog="python -m hardgen.refinement.worker", description=__doc__.splitlines()[0])
    parser.add_argument("--nats", default=settings.nats_url, help="NATS URL (HARDGEN_NATS_URL)")
    parser.add_argument("--scanner", default=settings.scanner_address, help="scanner gRPC address")
    parser.add_argument("--health-port", type=int, default=None)
    parser.add_argument("--ack-wait", type=float, default=settings.worker_ack_wait, help="HARDGEN_WORKER_ACK_WAIT")
    parser.add_argument(
        "--max-deliver", type=int, default=settings.worker_max_deliver, help="HARDGEN_WORKER_MAX_DELIVER"
    )
    parser.add_argument(
        "--concurrency",
        type=int,
        default=settings.worker_concurrency,
        help="work items in flight at once (HARDGEN_WORKER_CONCURRENCY)",
    )
    args = parser.parse_args(argv)
    if args.concurrency < 1:
        parser.error("--concurrency must be at least 1")
    configure_logging(settings.log_format or "json", settings.log_level)
    config = WorkerConfig(
        nats_url=args.nats,
        scanner_address=args.scanner,
        ack_wait=args.ack_wait,
        max_deliver=args.max_deliver,
        concurrency=args.concurrency,
    )
    try:
        asyncio.run(main_async(config, args.health_port))
    except ConnectionError as exc:
        log.error("worker.cannot_start", error=str(exc))
        raise SystemExit(1) from None


if __name__ == "__main__":
    main()
