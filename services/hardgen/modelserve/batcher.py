"""Continuous batching: concurrent requests share decoding steps, joining and leaving between steps.

One worker thread per base model owns the model. While rows are decoding, every request that has
arrived joins at the next step (up to ``max_batch`` rows), and a row that ends leaves at once, so
a short request never waits for a long one and the batch stays full while there is work (see
:mod:`hardgen.modelserve.decoding`). When the model is idle, the first request waits at most
``window_ms`` for company. Adapters are checked when a request is submitted, so an unknown adapter
fails that request alone (and fast) instead of its batch.
"""

from __future__ import annotations

import queue
import threading
import time
from concurrent.futures import Future
from dataclasses import dataclass, field

from hardgen.core.logging import get_logger
from hardgen.modelserve.decoding import Row
from hardgen.modelserve.localmodel import Generation, GenerationRequest, LocalModel

log = get_logger(__name__)


@dataclass
class _Pending:
    request: GenerationRequest
    future: Future[Generation]
    submitted: float = field(default_factory=time.monotonic)


@dataclass
class BatchStats:
    """Counters since start; ``max_batch_seen`` is the most rows decoded in one step."""

    steps: int = 0
    requests: int = 0
    max_batch_seen: int = 0
    generated_tokens: int = 0


class _Progress:
    """What the decoding thread did since its last log line (one line every ``every`` seconds of
    decoding: a line per step would be thousands per study)."""

    def __init__(self, every: float = 2.0) -> None:
        self.every = every
        self.reset()

    def reset(self) -> None:
        self.began = time.monotonic()
        self.steps = self.row_steps = self.joined = self.ended = self.tokens = 0
        self.busy = 0.0

    def due(self) -> bool:
        return self.steps > 0 and time.monotonic() - self.began >= self.every


class DynamicBatcher:
    """Decode the submitted requests on ``model`` with continuous batching; thread-safe ``submit``."""

    def __init__(self, model: LocalModel, *, window_ms: float = 10.0, max_batch: int = 16) -> None:
        self.model = model
        self.window = window_ms / 1000.0
        self.max_batch = max(1, max_batch)
        self.stats = BatchStats()
        self._queue: queue.Queue[_Pending | None] = queue.Queue()
        self._closed = False
        self._thread = threading.Thread(target=self._run, name=f"batcher-{model.name}", daemon=True)
        self._thread.start()

    def submit(self, request: GenerationRequest) -> Future[Generation]:
        """Queue ``request``; the future resolves to its :class:`Generation` (or its error)."""
        if self._closed:
            raise RuntimeError("batcher is closed")
        if request.adapter_id:
            self.model.ensure_adapter(request.adapter_id)  # raises AdapterNotFoundError now, not later
        future: Future[Generation] = Future()
        self._queue.put(_Pending(request, future))
        return future

    def generate(self, request: GenerationRequest, timeout: float | None = None) -> Generation:
        return self.submit(request).result(timeout=timeout)

    def close(self) -> None:
        self._closed = True
        self._queue.put(None)
        self._thread.join(timeout=30)

    # ------------------------------------------------------------------------------ the thread
    def _arrivals(self, idle: bool, room: int) -> tuple[list[_Pending], bool]:
        """Requests to admit now, and whether the batcher was closed. Idle: block for the first,
        then gather for one window; decoding: take what has arrived, without waiting."""
        arrived: list[_Pending] = []
        deadline = None
        while len(arrived) < room:
            try:
                if idle and not arrived:
                    item = self._queue.get()
                    deadline = time.monotonic() + self.window
                elif deadline is not None and (remaining := deadline - time.monotonic()) > 0:
                    item = self._queue.get(timeout=remaining)
                else:
                    item = self._queue.get_nowait()
            except queue.Empty:
                break
            if item is None:
                return arrived, True
            arrived.append(item)
        return arrived, False

    def _run(self) -> None:
        batch = self.model.decoder()
        waiting: dict[int, _Pending] = {}  # id(row) -> its caller
        progress = _Progress()
        closing = False
        while True:
            if closing and not len(batch):
                return
            arrived, closed = ([], False) if closing else self._arrivals(not len(batch), self.max_batch - len(batch))
            closing = closing or closed
            for pending in arrived:
                if not pending.future.set_running_or_notify_cancel():
                    continue
                try:
                    spec = self.model.row_spec(pending.request)
                    with self.model.lock:
                        row = batch.admit(spec)
                except Exception as exc:  # noqa: BLE001 - this caller gets its error, the others go on
                    pending.future.set_exception(exc)
                    continue
                self.stats.requests += 1
                progress.joined += 1
                if row.done:
                    self._finish(pending, row, progress)
                else:
                    waiting[id(row)] = pending
            if not len(batch):
                continue
            began = time.monotonic()
            live = len(batch)
            try:
                with self.model.lock:
                    batch.drop_free_slots()  # everyone waiting has joined: empty slots only cost time
                    ended = batch.step()
            except Exception as exc:  # noqa: BLE001 - every row of the batch gets the error, the thread lives on
                log.warning("batch failed", size=live, error=str(exc).splitlines()[0] if str(exc) else repr(exc))
                for pending in waiting.values():
                    pending.future.set_exception(exc)
                waiting.clear()
                batch = self.model.decoder()
                continue
            self.stats.steps += 1
            self.stats.max_batch_seen = max(self.stats.max_batch_seen, live)
            progress.steps += 1
            progress.row_steps += live
            progress.busy += time.monotonic() - began
            for row in ended:
                self._finish(waiting.pop(id(row)), row, progress)
            if progress.due() or not len(batch):
                self._log(progress, len(batch))

    def _finish(self, pending: _Pending, row: Row, progress: _Progress) -> None:
        out = self.model.result(row)
        out.latency_ms = (time.monotonic() - pending.submitted) * 1000  # queueing included: what the caller waited
        self.stats.generated_tokens += out.completion_tokens
        progress.ended += 1
        progress.tokens += out.completion_tokens
        pending.future.set_result(out)

    def _log(self, progress: _Progress, live: int) -> None:
        # how full the steps are is what decides throughput on a CPU
        log.info("decode.progress", steps=progress.steps, rows=progress.row_steps, joined=progress.joined,
                 ended=progress.ended, tokens=progress.tokens, ms=round(progress.busy * 1000, 1), live=live)
        progress.reset()
