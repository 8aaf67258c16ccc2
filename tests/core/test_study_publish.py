"""``run_study``, the one study publisher (``hardgen study run`` and the gateway's ``POST /v1/studies``),
against a real JetStream of its own: every sample is queued once on the study's subject, a re-run is
a no-op, ``--resume`` skips finished samples, the spec is stored for the workers and status, and an
unreachable NATS is one clear error."""

from __future__ import annotations

import contextlib

import pytest

from hardgen.core.events import MSG_ID_HEADER, WORK_STREAM, work_subject
from hardgen.core.study import StudySpec
from hardgen.core.studypublish import run_study
from hardgen.core.studyrun import connect, ensure_buckets, load_spec, record_outcome
from hardgen.v1 import events_pb2
from tests.helpers import free_port


@pytest.fixture()
def nats_url(module_nats: str) -> str:
    """A JetStream of this module's own: the work queue holds only these tests' items."""
    return module_nats


def study(name: str) -> StudySpec:
    return StudySpec.model_validate(
        {
            "name": name,
            "models": ["mock/references", "mock/secure"],
            "languages": ["python", "go"],
            "scenarios": [1, 2],
            "strategies": ["raw", "cot"],
            "samples": 2,
            "engines": ["semgrep"],
        }
    )


async def queued(url: str, name: str) -> dict[str, tuple[events_pb2.WorkItem, str]]:
    """The study's items in the work queue: id → (decoded item, its Nats-Msg-Id)."""
    nc, js = await connect(url)
    try:
        info = await js.stream_info(WORK_STREAM)
        found: dict[str, tuple[events_pb2.WorkItem, str]] = {}
        for seq in range(info.state.first_seq, info.state.last_seq + 1):
            with contextlib.suppress(Exception):  # sequences of other subjects' removed messages
                msg = await js.get_msg(WORK_STREAM, seq)
                if msg.subject == work_subject(name):
                    item = events_pb2.WorkItem.FromString(msg.data)
                    found[item.id] = (item, (msg.headers or {}).get(MSG_ID_HEADER, ""))
        return found
    finally:
        await nc.close()


async def test_every_sample_is_queued_once_on_the_study_subject(nats_url: str) -> None:
    spec = study("publish-all")
    items = list(spec.items())
    report = await run_study(spec, nats_url)
    assert (report.published, report.duplicates, report.skipped_done, report.finetune) == (32, 0, 0, "")
    found = await queued(nats_url, spec.name)
    assert set(found) == {i.id for i in items} and len(items) == 32  # 2 models x 2 languages x 2 x 2 x 2
    for item in items:
        message, msg_id = found[item.id]
        assert message == item.to_proto()
        assert msg_id == item.id, "the sample id is the dedupe key: a re-publish cannot queue it twice"


async def test_a_rerun_queues_nothing_and_resume_skips_finished_samples(nats_url: str) -> None:
    spec = study("publish-again")
    await run_study(spec, nats_url)
    again = await run_study(spec, nats_url)
    assert (again.published, again.duplicates) == (0, 32)
    finished = list(spec.items())[:3]
    nc, js = await connect(nats_url)
    try:
        status_kv, _ = await ensure_buckets(js)
        for item in finished:
            await record_outcome(status_kv, item, "done")
    finally:
        await nc.close()
    resumed = await run_study(spec, nats_url, resume=True)
    assert (resumed.skipped_done, resumed.duplicates, resumed.published) == (3, 29, 0)
    assert len(await queued(nats_url, spec.name)) == 32


async def test_the_spec_is_stored_for_workers_and_status(nats_url: str) -> None:
    spec = study("publish_spec-1")
    await run_study(spec, nats_url)
    nc, js = await connect(nats_url)
    try:
        assert await load_spec(js, spec.name) == spec  # what workers and `study status` read back
        with pytest.raises(LookupError, match="unknown study 'never-run'"):
            await load_spec(js, "never-run")
    finally:
        await nc.close()


async def test_unreachable_nats_is_one_clear_error() -> None:
    url = f"nats://127.0.0.1:{free_port()}"
    with pytest.raises(ConnectionError, match=f"cannot reach NATS at {url}"):
        await run_study(study("nowhere"), url)
