"""The NATS contract of a study: subjects and buckets, item encoding, outcomes and status.

What every party of a study shares (the publisher in :mod:`hardgen.core.studypublish`, the
refinement workers, modelserve's fine-tune worker, the progress view), so that none of them
imports another:

* Work items go to the work-queue stream with ``Nats-Msg-Id`` = sample id, so a re-publish inside
  the duplicate window is dropped by JetStream itself.
* Each worker records a sample's outcome in the JetStream key-value bucket :data:`STATUS_BUCKET`
  (key ``<study>.<sample id>``) *before* acking its work item. ``--resume`` skips every sample with
  an outcome, so a stopped study finishes without redoing finished samples, however old they are.
* The study's spec is stored in :data:`STUDIES_BUCKET`, so ``hardgen study status ID`` needs only
  the id, and the fine-tune worker can publish the study's ``ft`` items by the study's name.
* A study whose ``ft`` cells need a LoRA adapter has one :class:`FineTuneWork` item on
  ``hardgen.finetune.work`` (``Nats-Msg-Id`` = :func:`finetune_id`: the study, base model and
  adapter configuration). Its state (pending → training → done | failed) lives in
  :data:`FINETUNES_BUCKET` under the study's name; the ``ft`` items are published only by whoever
  sees the adapter registered, never before.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from hardgen.core.events import (
    FINETUNE_SUBJECT,
    MSG_ID_HEADER,
    WORK_STREAM,
    ensure_streams,
    study_token,
    work_subject,
)
from hardgen.core.logging import get_logger
from hardgen.core.study import StudySpec, WorkItemSpec
from hardgen.v1 import events_pb2, modelserve_pb2

STATUS_BUCKET = "hardgen_samples"
STUDIES_BUCKET = "hardgen_studies"
FINETUNES_BUCKET = "hardgen_finetunes"
WORKER_DURABLE = "refinement-workers"
FINETUNE_DURABLE = "modelserve-finetune"

#: States of a study's fine-tune, in :data:`FINETUNES_BUCKET` (``hardgen study status`` shows them).
FINETUNE_STATES = ("pending", "training", "done", "failed")

log = get_logger(__name__)

Cell = tuple[str, str, int, str]


@dataclass
class PublishReport:
    published: int = 0
    duplicates: int = 0
    skipped_done: int = 0
    finetune: str = ""  # "" (no fine-tune needed), "queued" or "done" (the adapter existed)

    def add(self, other: PublishReport) -> None:
        self.published += other.published
        self.duplicates += other.duplicates
        self.skipped_done += other.skipped_done


@dataclass
class StudyStatus:
    study: str
    total: int
    done: int = 0
    failed: int = 0
    in_flight: int = 0
    per_cell: dict[Cell, Counter[str]] = field(default_factory=dict)
    cell_totals: dict[Cell, int] = field(default_factory=dict)
    finetune: dict[str, Any] | None = None  # the fine-tune's record (state, model, error), if any

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
            "finetune": self.finetune,
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


async def _bucket(js: Any, name: str) -> Any:
    from nats.js.api import KeyValueConfig, StorageType

    try:
        return await js.key_value(name)
    except Exception:  # noqa: BLE001 - bucket missing: create it
        return await js.create_key_value(KeyValueConfig(bucket=name, history=1, storage=StorageType.FILE))


async def ensure_buckets(js: Any) -> tuple[Any, Any]:
    """``(status, studies)`` buckets, created when missing."""
    return await _bucket(js, STATUS_BUCKET), await _bucket(js, STUDIES_BUCKET)


async def finetunes_bucket(js: Any) -> Any:
    """The bucket of the studies' fine-tune states (key: the study's token)."""
    return await _bucket(js, FINETUNES_BUCKET)


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


#: Publishes in flight at once: a large grid goes out in seconds, not one round trip per sample.
PUBLISH_WINDOW = 256


async def publish_items(js: Any, items: list[WorkItemSpec], skip: set[str]) -> PublishReport:
    """Publish ``items`` (``Nats-Msg-Id`` = sample id) except those in ``skip``, up to
    :data:`PUBLISH_WINDOW` at a time; JetStream's acks say which were duplicates."""
    import asyncio

    report = PublishReport(skipped_done=sum(1 for item in items if item.id in skip))
    todo = [item for item in items if item.id not in skip]
    for start in range(0, len(todo), PUBLISH_WINDOW):
        acks = await asyncio.gather(
            *(
                js.publish(
                    work_subject(item.study),
                    item.to_proto().SerializeToString(),  # type: ignore[attr-defined]
                    headers={MSG_ID_HEADER: item.id},
                )
                for item in todo[start : start + PUBLISH_WINDOW]
            )
        )
        duplicates = sum(1 for ack in acks if getattr(ack, "duplicate", False))
        report.duplicates += duplicates
        report.published += len(acks) - duplicates
    return report


# -- a study's fine-tune as a work item ------------------------------------------------------------


def is_ft(item: WorkItemSpec) -> bool:
    return "ft" in item.strategy.split("+")


def untuned_ft_items(spec: StudySpec) -> list[WorkItemSpec]:
    """The ``ft`` items that wait for the study's own adapter (the study names no tuned model)."""
    return [i for i in spec.items() if is_ft(i) and not i.options.get("ft_model")]


def finetune_request(spec: StudySpec) -> modelserve_pb2.FineTuneRequest:
    """The adapter the study's ``ft`` cells need. No name: the adapter id is derived from the
    configuration and data, so a re-posted study (or another with the same settings) reuses it."""
    ft = spec.finetune
    return modelserve_pb2.FineTuneRequest(
        base_model=ft.base,
        steps=ft.steps,
        learning_rate=ft.learning_rate,
        lora_r=ft.lora_r,
        lora_alpha=ft.lora_alpha,
        seed=ft.seed,
    )


def finetune_id(study: str, request: modelserve_pb2.FineTuneRequest) -> str:
    """Deterministic id of a study's fine-tune (study, base model, adapter configuration): the
    ``Nats-Msg-Id`` that makes a re-published fine-tune a duplicate JetStream drops."""
    from google.protobuf.json_format import MessageToDict

    config = json.dumps(MessageToDict(request, preserving_proto_field_name=True), sort_keys=True)
    basis = "\x1f".join([study, request.base_model, config])
    return "ft-" + hashlib.sha256(basis.encode("utf-8")).hexdigest()[:24]


def finetune_work(spec: StudySpec) -> events_pb2.FineTuneWork:
    request = finetune_request(spec)
    return events_pb2.FineTuneWork(id=finetune_id(spec.name, request), study=spec.name, request=request)


def decode_finetune_work(data: bytes) -> events_pb2.FineTuneWork:
    """The item's protobuf body; ValueError for anything that is not a complete FineTuneWork."""
    from google.protobuf.message import DecodeError

    try:
        work = events_pb2.FineTuneWork.FromString(data)
    except DecodeError as exc:
        raise ValueError(f"not a FineTuneWork: {exc}") from None
    if not work.id or not work.study or not work.request.base_model:
        raise ValueError("FineTuneWork without id, study or base model")
    if work.id != finetune_id(work.study, work.request):
        raise ValueError(f"FineTuneWork id {work.id!r} does not match its study and configuration")
    return work


def tuned_model(request: modelserve_pb2.FineTuneRequest, adapter_id: str) -> str:
    """The address the ``ft`` items carry: ``hf/<base>@<adapter id>``."""
    return f"hf/{request.base_model}@{adapter_id}"


async def finetune_state(kv: Any, study: str) -> dict[str, Any] | None:
    """The study's fine-tune record (``{"id", "state", "model", "adapter", "reused", "error", ...}``)."""
    try:
        entry = await kv.get(study_token(study))
    except Exception:  # noqa: BLE001 - KeyNotFoundError: no fine-tune for this study
        return None
    return json.loads(entry.value) if entry.value else None


async def record_finetune(kv: Any, study: str, work_id: str, state: str, **fields: Any) -> dict[str, Any]:
    if state not in FINETUNE_STATES:
        raise ValueError(f"unknown fine-tune state {state!r}")
    value = {"id": work_id, "state": state, **fields}
    if "error" in value:
        value["error"] = str(value["error"])[:500]
    await kv.put(study_token(study), json.dumps(value).encode())
    return value


async def publish_finetune(js: Any, work: events_pb2.FineTuneWork, msg_id: str = "") -> bool:
    """Publish the fine-tune item; False when JetStream dropped it as a duplicate."""
    ack = await js.publish(FINETUNE_SUBJECT, work.SerializeToString(), headers={MSG_ID_HEADER: msg_id or work.id})
    return not getattr(ack, "duplicate", False)


async def publish_ft_items(js: Any, spec: StudySpec, model: str, skip: set[str]) -> PublishReport:
    """Publish the study's ``ft`` items that wait for its adapter, now carrying ``model``."""
    items = untuned_ft_items(spec)
    for item in items:
        item.options["ft_model"] = model
    return await publish_items(js, items, skip)


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
        status.finetune = await finetune_state(await finetunes_bucket(js), study)
        try:
            info = await js.consumer_info(WORK_STREAM, WORKER_DURABLE)
            status.in_flight = int(info.num_ack_pending)
        except Exception:  # noqa: BLE001 - no worker has attached yet
            status.in_flight = 0
        return status
    finally:
        await nc.close()
