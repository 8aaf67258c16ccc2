"""Publish a study: the one publisher both ``hardgen study run`` and the gateway's
``POST /v1/studies`` call (core, so neither imports the other).

Publishing never waits for a model: the study's spec goes to its bucket, every item that can run
now goes to the work queue, and when ``ft`` cells need a LoRA adapter one fine-tune work item
goes to ``hardgen.finetune.work``. modelserve's fine-tune worker trains (or reuses) the adapter,
publishes the ``ft`` items and only then acks, so a fine-tune that takes an hour survives a
restart of the gateway, the CLI, modelserve or NATS (see :mod:`hardgen.core.studyrun`).
"""

from __future__ import annotations

from typing import Any

from hardgen.core.events import ensure_streams, study_token
from hardgen.core.logging import get_logger
from hardgen.core.study import StudySpec
from hardgen.core.studyrun import (
    PublishReport,
    connect,
    ensure_buckets,
    finetune_state,
    finetune_work,
    finetunes_bucket,
    publish_finetune,
    publish_ft_items,
    publish_items,
    record_finetune,
    sample_outcomes,
    untuned_ft_items,
)

log = get_logger(__name__)


async def run_study(
    spec: StudySpec, nats_url: str, resume: bool = False, reconnect_attempts: int = 3
) -> PublishReport:
    """Publish ``spec``; returns at once (nothing here trains or generates).

    ``resume`` skips samples that already have an outcome. The ``ft`` items whose model the study
    names (``finetune.models``) are published at once; the others follow the study's adapter:
    at once when a previous run registered it (``report.finetune == "done"``), else after the
    fine-tune work item this publishes (``"queued"``). ``reconnect_attempts=0``: a request handler
    that must answer 503 at once when NATS is down.
    """
    nc, js = await connect(nats_url, reconnect_attempts=reconnect_attempts)
    try:
        await ensure_streams(js)
        status_kv, studies_kv = await ensure_buckets(js)
        await studies_kv.put(study_token(spec.name), spec.model_dump_json().encode())
        done = set(await sample_outcomes(status_kv, spec.name)) if resume else set()
        waiting = {i.id for i in untuned_ft_items(spec)}
        report = await publish_items(js, [i for i in spec.items() if i.id not in waiting], done)
        if waiting - done:
            report.finetune = await _finetune(js, spec, done, report)
        else:  # every ft sample has its outcome: nothing to tune or publish
            report.skipped_done += len(waiting)
        log.info("study.published", study=spec.name, **report.__dict__)
        return report
    finally:
        await nc.close()


async def _finetune(js: Any, spec: StudySpec, done: set[str], report: PublishReport) -> str:
    """Queue the study's fine-tune, or publish its ``ft`` items when its adapter already exists."""
    kv = await finetunes_bucket(js)
    work = finetune_work(spec)
    state = await finetune_state(kv, spec.name)
    same = state is not None and state.get("id") == work.id
    if same and state is not None and state["state"] == "done":
        report.add(await publish_ft_items(js, spec, str(state["model"]), done))
        return "done"
    retries = int(state.get("retries", 0)) if same and state is not None else 0
    msg_id = work.id
    if same and state is not None and state["state"] == "failed":
        # the failed item left the queue; a new message id lets JetStream take the retry
        retries += 1
        msg_id = f"{work.id}.retry{retries}"
    if not (same and state is not None and state["state"] in ("pending", "training")):
        # recorded before publishing: the worker's "training" must never be overwritten by this
        await record_finetune(kv, spec.name, work.id, "pending", base=work.request.base_model, retries=retries)
    published = await publish_finetune(js, work, msg_id)
    report.skipped_done += sum(1 for i in untuned_ft_items(spec) if i.id in done)  # the worker skips them too
    log.info("study.finetune_queued", study=spec.name, finetune=work.id, duplicate=not published)
    return "queued"
