"""Request coalescing: concurrent scan requests share engine runs.

In a study, refinement workers send one sample (one file) per request. Scanning each request on
its own would start one Semgrep process per sample — one process per file, only spread over
requests. Instead, a fixed number of worker threads take requests from one queue; a request that
arrives while the workers are busy waits, and the next free worker takes *all* waiting requests
(same engines and profile, up to ``max_files`` files) and scans them as one batch. An idle service adds no
latency (the first request starts at once); a busy one answers many requests per engine run.

Files of different requests are kept apart by a per-request path prefix inside the batch, and the
report is split back per request.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from hardgen.core.findings import Finding
from hardgen.core.logging import get_logger
from hardgen.core.profiles import Profile
from hardgen.scanner.engines.base import Engine
from hardgen.scanner.scan import Scanner, ScanReport, ScanTimeoutError, SourceInput, check_inputs, normalise_path

log = get_logger(__name__)


@dataclass(eq=False)
class _Job:
    inputs: list[SourceInput]
    engines: list[Engine]
    deadline: float
    profile: Profile = Profile.DEFAULT
    started: float = field(default_factory=time.monotonic)
    done: threading.Event = field(default_factory=threading.Event)
    report: ScanReport | None = None
    error: BaseException | None = None

    @property
    def engine_key(self) -> tuple[str, ...]:
        """Requests with equal keys can share a batch: same engines, same profile."""
        return (*(e.name for e in self.engines), f"profile={self.profile.value}")


class Coalescer:
    """Runs scans on ``workers`` threads, merging requests that queue up into one batch."""

    def __init__(self, scanner: Scanner, workers: int = 2, max_files: int = 2000) -> None:
        self.scanner = scanner
        self.max_files = max_files
        self.batches = 0  # Scanner.scan calls made (for metrics and tests)
        self._queue: list[_Job] = []
        self._cond = threading.Condition()
        self._threads = [
            threading.Thread(target=self._work, name=f"scan-worker-{i}", daemon=True) for i in range(max(1, workers))
        ]
        for thread in self._threads:
            thread.start()

    def submit(
        self,
        inputs: list[SourceInput],
        engines: Sequence[Engine],
        timeout: float,
        profile: Profile = Profile.DEFAULT,
    ) -> ScanReport:
        """Scan ``inputs`` (validated here, so a bad request never fails a shared batch)."""
        check_inputs(inputs)
        job = _Job(list(inputs), list(engines), time.monotonic() + timeout, profile)
        with self._cond:
            self._queue.append(job)
            self._cond.notify()
        if not job.done.wait(timeout=max(timeout, 0.0) + 1.0):
            with self._cond:
                if job in self._queue:
                    self._queue.remove(job)
            raise ScanTimeoutError(f"scan did not complete within {timeout:.1f}s")
        if job.error is not None:
            raise job.error
        assert job.report is not None
        return job.report

    def _take(self) -> list[_Job]:
        """Wait for work; take the oldest request and every queued one with the same engines."""
        with self._cond:
            while not self._queue:
                self._cond.wait()
            first = self._queue.pop(0)
            taken, files = [first], len(first.inputs)
            for job in list(self._queue):
                if job.engine_key == first.engine_key and files + len(job.inputs) <= self.max_files:
                    self._queue.remove(job)
                    taken.append(job)
                    files += len(job.inputs)
            return taken

    def _work(self) -> None:
        while True:
            jobs = self._take()
            try:
                self._run(jobs)
            except BaseException as exc:  # noqa: BLE001 - a worker must survive any failure
                for job in jobs:
                    if not job.done.is_set():
                        job.error = exc
                        job.done.set()

    def _run(self, jobs: list[_Job]) -> None:
        now = time.monotonic()
        live = [j for j in jobs if j.deadline > now]
        for job in jobs:
            if job not in live:
                job.error = ScanTimeoutError("scan did not start before its time limit")
                job.done.set()
        if not live:
            return
        if len(live) == 1:
            self._run_single(live[0])
            return
        merged = [
            SourceInput(f"r{k}/{item.path}", item.content, item.language)
            for k, job in enumerate(live)
            for item in job.inputs
        ]
        self.batches += 1
        try:
            report = self.scanner.scan(
                merged,
                timeout=min(j.deadline for j in live) - time.monotonic(),
                engines=live[0].engines,
                profile=live[0].profile,
            )
        except ScanTimeoutError:
            # the shortest time limit ran out: give each request its own run, with its own limit
            for job in live:
                self._run_single(job)
            return
        log.info("scan.coalesced", requests=len(live), files=len(merged), engine_runs=report.engine_runs)
        for k, job in enumerate(live):
            job.report = _split(report, f"r{k}/", job)
            job.done.set()

    def _run_single(self, job: _Job) -> None:
        self.batches += 1
        try:
            job.report = self.scanner.scan(
                job.inputs, timeout=job.deadline - time.monotonic(), engines=job.engines, profile=job.profile
            )
        except BaseException as exc:  # noqa: BLE001 - handed to the waiting request
            job.error = exc
        job.done.set()


def _split(report: ScanReport, prefix: str, job: _Job) -> ScanReport:
    """The part of a merged report that belongs to one request, with its own paths back."""

    def own(path: str) -> bool:
        return path.startswith(prefix)

    skipped = [s.removeprefix(prefix) for s in report.skipped if own(s)]
    lines: dict[str, list[str]] = {}
    contents = {normalise_path(item.path): item.content for item in job.inputs}

    def unprefixed(finding: Finding) -> Finding:
        # the fingerprint covers the path: recompute it for the request's own path
        path = finding.path.removeprefix(prefix)
        if path not in lines:
            lines[path] = contents.get(path, b"").decode("utf-8", errors="replace").splitlines()
        text = lines[path][finding.start_line - 1] if 0 < finding.start_line <= len(lines[path]) else ""
        return finding.model_copy(update={"path": path}).with_fingerprint(text)

    return ScanReport(
        findings=[unprefixed(f) for f in report.findings if own(f.path)],
        errors=[e.model_copy(update={"path": e.path.removeprefix(prefix)}) for e in report.errors if own(e.path)],
        skipped=skipped,
        files_scanned=len(job.inputs) - len(skipped),
        duration_ms=(time.monotonic() - job.started) * 1000,
        rule_pack_version=report.rule_pack_version,
        cache_hits=sum(n for path, n in report.hits_by_path.items() if own(path)),
        engines=list(report.engines),
        engine_runs=report.engine_runs,
        engine_seconds=dict(report.engine_seconds),
        profile=report.profile,
        failed_engines=dict(report.failed_engines),  # an engine that failed failed for every request
    )


