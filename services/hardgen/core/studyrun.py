"""Run a study over NATS JetStream: publish its work items, track every sample's outcome, report.

* Work items go to the work-queue stream with ``Nats-Msg-Id`` = sample id, so a re-publish inside
  the duplicate window is dropped by JetStream itself.
* Each worker records a sample's outcome in the JetStream key-value bucket :data:`STATUS_BUCKET`
  (key ``<study>.<sample id>``) *before* acking its work item. ``--resume`` skips every sample with
  an outcome, so a stopped study finishes without redoing finished samples, however old they are.
* The study's spec is stored in :data:`STUDIES_BUCKET`, so ``hardgen study status ID`` needs only
  the id.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from hardgen.core.events import MSG_ID_HEADER, WORK_STREAM, ensure_streams, study_token, work_subject
from hardgen.core.logging import get_logger
from hardgen.core.study import StudySpec, WorkItemSpec

STATUS_BUCKET = "hardgen_samples"
STUDIES_BUCKET = "hardgen_studies"
WORKER_DURABLE = "refinement-workers"

log = get_logger(__name__)

Cell = tuple[str, str, int, str]


@dataclass
class PublishReport:
    published: int = 0
    duplicates: int = 0
    skipped_done: int = 0


@dataclass
class StudyStatus:
    study: str
    total: int
    done: int = 0
    failed: int = 0
    in_flight: int = 0
    per_cell: dict[Cell, Counter[str]] = field(default_factory=dict)
    cell_totals: dict[Cell, int] = field(default_factory=dict)

    @property
    def finished(self) -> bool:
        return self.done + self.failed >= self.total

    def as_dict(self) -> dict[str, Any]:
        return {
            "study": self.study,
            "total": self.total,
            "done": self.done,
            "failed": self.failed,
            "in_flight": self.in_flight,
            "pending": max(self.total - self.done - self.failed, 0),
            "cells": [
                {
                    "model": cell[0],
                    "language": cell[1],
                    "scenario": cell[2],
                    "strategy": cell[3],
                    "total": total,
                    "done": self.per_cell.get(cell, Counter())["done"],
                    "failed": self.per_cell.get(cell, Counter())["failed"],
                }
                for cell, total in sorted(self.cell_totals.items())
            ],
        }


async def connect(url: str, reconnect_attempts: int = 3) -> tuple[Any, Any]:
    """Connect to NATS and return ``(nc, js)``; a one-line ConnectionError when unreachable.

    Long-running processes pass ``reconnect_attempts=-1`` (forever) so that a NATS restart is
    ridden out; one-shot CLI calls give up quickly with a clear error."""
    import nats

    from hardgen.core.settings import nats_auth_options

    seen: list[str] = []

    async def quiet(exc: Exception) -> None:
        # nats-py prints full tracebacks by default; a one-line log is what a user should see
        text = str(exc).lower()
        if "authorization" in text and "authorization" not in seen:
            seen.append("authorization")
            log.warning("nats.authorization_violation", url=url)
        log.debug("nats.error", error=type(exc).__name__)

    try:
        nc = await nats.connect(
            url,
            connect_timeout=3,
            # nats-py treats 0 like "forever" on the first connect; 1 retry is the least it can do
            max_reconnect_attempts=reconnect_attempts if reconnect_attempts < 0 else max(1, reconnect_attempts),
            reconnect_time_wait=1,
            allow_reconnect=True,
            error_cb=quiet,
            **nats_auth_options(),
        )
    except Exception as exc:  # noqa: BLE001 - nats raises several unrelated types here
        reason = type(exc).__name__
        if seen or "authorization" in str(exc).lower():
            reason = "authorization violation (check HARDGEN_NATS_USER/PASSWORD or HARDGEN_NATS_CREDS)"
        raise ConnectionError(f"cannot reach NATS at {url}: {reason}") from None
    return nc, nc.jetstream()


async def ensure_buckets(js: Any) -> tuple[Any, Any]:
    from nats.js.api import KeyValueConfig, StorageType

    buckets = []
    for name in (STATUS_BUCKET, STUDIES_BUCKET):
        try:
            bucket = await js.key_value(name)
        except Exception:  # noqa: BLE001 - bucket missing: create it
            bucket = await js.create_key_value(KeyValueConfig(bucket=name, history=1, storage=StorageType.FILE))
        buckets.append(bucket)
    return buckets[0], buckets[1]


def status_key(study: str, sample: str) -> str:
    return f"{study_token(study)}.{sample}"


async def sample_outcomes(status_kv: Any, study: str) -> dict[str, dict[str, Any]]:
    """sample id → recorded outcome (``{"status": "done"|"failed", ...}``) for one study."""
    from nats.js.errors import NoKeysError

    prefix = study_token(study) + "."
    try:
        # filtered listing is not reliable across nats-py/server versions: filter client-side
        keys = [k for k in await status_kv.keys() if k.startswith(prefix)]
    except NoKeysError:
        return {}
    outcomes: dict[str, dict[str, Any]] = {}
    for key in keys:
        entry = await status_kv.get(key)
        if entry.value:
            outcomes[key.removeprefix(prefix)] = json.loads(entry.value)
    return outcomes


async def record_outcome(status_kv: Any, item: WorkItemSpec, status: str, error: str = "") -> None:
    """Written by workers after both events are published, before the work item is acked."""
    value = {"status": status, "cell": list(item.cell), "index": item.index, "error": error[:500]}
    await status_kv.put(status_key(item.study, item.id), json.dumps(value).encode())


async def publish_items(js: Any, items: list[WorkItemSpec], skip: set[str]) -> PublishReport:
    report = PublishReport()
    for item in items:
        if item.id in skip:
            report.skipped_done += 1
            continue
        ack = await js.publish(
            work_subject(item.study),
            item.to_proto().SerializeToString(),  # type: ignore[attr-defined]
            headers={MSG_ID_HEADER: item.id},
        )
        if getattr(ack, "duplicate", False):
            report.duplicates += 1
        else:
            report.published += 1
    return report


FineTuner = Callable[[StudySpec], Awaitable[str]]


async def run_study(
    spec: StudySpec,
    nats_url: str,
    resume: bool = False,
    finetune: FineTuner | None = None,
) -> PublishReport:
    """Publish a study. ``ft`` items are published after ``finetune`` returned the tuned model's
    address (e.g. ``hf/demo@<adapter>``), so no worker ever starts an ``ft`` cell too early."""
    nc, js = await connect(nats_url)
    try:
        await ensure_streams(js)
        status_kv, studies_kv = await ensure_buckets(js)
        await studies_kv.put(study_token(spec.name), spec.model_dump_json().encode())
        done = set(await sample_outcomes(status_kv, spec.name)) if resume else set()
        items = list(spec.items())
        first = [i for i in items if "ft" not in i.strategy.split("+")]
        later = [i for i in items if "ft" in i.strategy.split("+")]
        report = await publish_items(js, first, done)
        # Fine-tune only for ft cells whose model the study does not already name (finetune.models):
        # a study that lists its fine-tuned models must run where no FineTune service exists.
        untuned = [i for i in later if i.id not in done and not i.options.get("ft_model")]
        if untuned:
            tuned = await finetune(spec) if finetune is not None else ""
            if not tuned:
                raise RuntimeError(f"study {spec.name}: ft cells need a fine-tuned model and none was made")
            for item in untuned:
                item.options["ft_model"] = tuned
        later_report = await publish_items(js, later, done)
        report.published += later_report.published
        report.duplicates += later_report.duplicates
        report.skipped_done += later_report.skipped_done
        log.info("study.published", study=spec.name, **report.__dict__)
        return report
    finally:
        await nc.close()


async def load_spec(js: Any, study: str) -> StudySpec:
    _, studies_kv = await ensure_buckets(js)
    try:
        entry = await studies_kv.get(study_token(study))
    except Exception:  # noqa: BLE001 - KeyNotFoundError and friends
        raise LookupError(f"unknown study {study!r} (run `hardgen study run FILE` first)") from None
    return StudySpec.model_validate_json(entry.value)


async def study_status(study: str, nats_url: str) -> StudyStatus:
    """Outcome counts per cell, and how many items workers hold right now (in flight)."""
    nc, js = await connect(nats_url)
    try:
        await ensure_streams(js)
        spec = await load_spec(js, study)
        status_kv, _ = await ensure_buckets(js)
        outcomes = await sample_outcomes(status_kv, study)
        status = StudyStatus(study=study, total=spec.total_samples)
        for cell in spec.cells():
            key = (cell[0], cell[1].value, cell[2], cell[3])
            status.cell_totals[key] = spec.samples
        for outcome in outcomes.values():
            cell_list = outcome.get("cell", [])
            key = (str(cell_list[0]), str(cell_list[1]), int(cell_list[2]), str(cell_list[3]))
            status.per_cell.setdefault(key, Counter())[outcome["status"]] += 1
            if outcome["status"] == "done":
                status.done += 1
            else:
                status.failed += 1
        try:
            info = await js.consumer_info(WORK_STREAM, WORKER_DURABLE)
            status.in_flight = int(info.num_ack_pending)
        except Exception:  # noqa: BLE001 - no worker has attached yet
            status.in_flight = 0
        return status
    finally:
        await nc.close()


def modelserve_finetuner(
    address: str, timeout: float = 3600.0, announce: Callable[[str], object] | None = None
) -> FineTuner:
    """The study's ``ft`` step: a LoRA fine-tune run by the model-serving service (gRPC FineTune).

    The returned coroutine function gives the tuned model's address ``hf/<base>@<adapter id>``
    for the ``ft`` work items; the CLI and the gateway both use it.
    """

    async def finetune(spec: StudySpec) -> str:
        import asyncio

        import grpc

        from hardgen.core.grpcutil import insecure_channel
        from hardgen.v1 import modelserve_pb2, modelserve_pb2_grpc

        ft = spec.finetune
        request = modelserve_pb2.FineTuneRequest(
            base_model=ft.base,
            steps=ft.steps,
            learning_rate=ft.learning_rate,
            lora_r=ft.lora_r,
            lora_alpha=ft.lora_alpha,
            seed=ft.seed,
            name=f"{spec.name}-ft",
        )
        if announce is not None:
            announce(f"fine-tuning {ft.base} for the ft cells (modelserve at {address}) ...")

        def call() -> Any:
            with insecure_channel(address) as channel:
                return modelserve_pb2_grpc.ModelServeStub(channel).FineTune(request, timeout=timeout)

        try:
            reply = await asyncio.to_thread(call)
        except grpc.RpcError as exc:
            raise RuntimeError(f"fine-tune failed at {address}: {exc.code().name} {exc.details()}") from None
        return f"hf/{ft.base}@{reply.adapter.id}"

    return finetune
