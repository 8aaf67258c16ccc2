"""Dynamic batching: concurrent requests that arrive within a short window are decoded together.

One worker thread per base model owns the model. It waits for a request, then keeps collecting for
``window_ms`` (or until ``max_batch`` requests) and runs them as one batch: on CPU and GPU alike a
batch of 8 costs far less than 8 single calls, so throughput grows with load, while a lone request
waits at most one window. Adapters are checked when a request is submitted, so an unknown adapter
fails that request alone (and fast) instead of its whole batch.
"""

from __future__ import annotations

import queue
import threading
import time
from concurrent.futures import Future
from dataclasses import dataclass, field

from hardgen.core.logging import get_logger
from hardgen.modelserve.localmodel import Generation, GenerationRequest, LocalModel

log = get_logger(__name__)


@dataclass
class _Pending:
    request: GenerationRequest
    future: Future[Generation]
    submitted: float = field(default_factory=time.monotonic)


@dataclass
class BatchStats:
    batches: int = 0
    requests: int = 0
    max_batch_seen: int = 0
    generated_tokens: int = 0


class DynamicBatcher:
    """Collect requests for a window, run them as one batch on ``model``; thread-safe ``submit``."""

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

    def _collect(self, first: _Pending) -> list[_Pending]:
        batch = [first]
        deadline = time.monotonic() + self.window
        while len(batch) < self.max_batch:
            remaining = deadline - time.monotonic()
            try:
                item = self._queue.get(timeout=max(0.0, remaining)) if remaining > 0 else self._queue.get_nowait()
            except queue.Empty:
                break
            if item is None:
                self._queue.put(None)  # let the loop see the close after this batch
                break
            batch.append(item)
        return batch

    def _run(self) -> None:
        while True:
            first = self._queue.get()
            if first is None:
                return
            batch = [p for p in self._collect(first) if p.future.set_running_or_notify_cancel()]
            if not batch:
                continue
            began = time.monotonic()
            try:
                outs = self.model.generate_batch([p.request for p in batch])
            except Exception as exc:  # noqa: BLE001 - every waiting caller gets the error, the worker lives on
                log.warning("batch failed", size=len(batch), error=str(exc).splitlines()[0] if str(exc) else repr(exc))
                for p in batch:
                    p.future.set_exception(exc)
                continue
            now = time.monotonic()
            self.stats.batches += 1
            self.stats.requests += len(batch)
            self.stats.max_batch_seen = max(self.stats.max_batch_seen, len(batch))
            for p, out in zip(batch, outs, strict=True):
                out.latency_ms = (now - p.submitted) * 1000  # queueing included: what the caller waited
                self.stats.generated_tokens += out.completion_tokens
                p.future.set_result(out)
            # one line per decode: how full the batches are is what decides throughput on a CPU
            log.info("batch.done", size=len(batch), tokens=sum(o.completion_tokens for o in outs),
                     ms=round((now - began) * 1000, 1))
