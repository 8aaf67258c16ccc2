"""modelserve's study fine-tune worker against a real nats-server: the ft cells follow the adapter,
the item is acked only then, failures are retried or dead-lettered, a killed worker's item is
redelivered, heartbeats keep a long run from being redelivered, and a registered adapter is reused
(the real tiny model, trained once)."""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest

from hardgen.core.events import DLQ_STREAM, FINETUNE_STREAM, WORK_STREAM
from hardgen.core.study import StudySpec
from hardgen.core.studypublish import run_study
from hardgen.core.studyrun import connect, finetune_state, finetunes_bucket
from hardgen.modelserve.finetune import FineTuneError
from hardgen.modelserve.ftworker import FineTuneWorker, FineTuneWorkerConfig, service_trainer
from hardgen.modelserve.registry import AdapterRecord
from hardgen.v1 import events_pb2, modelserve_pb2

pytestmark = pytest.mark.slow


@pytest.fixture()
def nats_url(module_nats: str) -> str:
    """A JetStream of this module's own: the fine-tune stream's one consumer is ours alone."""
    return module_nats


def study(name: str, base: str = "demo", steps: int = 20) -> StudySpec:
    return StudySpec.model_validate(
        {
            "name": name,
            "models": ["hf/demo"],
            "languages": ["python"],
            "scenarios": [1, 2],
            "strategies": ["raw", "ft"],
            "samples": 1,
            "finetune": {"base": base, "steps": steps},
        }
    )


class Trainer:
    """Counts calls; ``fail`` holds one exception per attempt to raise (None: succeed)."""

    def __init__(self, fail: list[BaseException | None] | None = None, seconds: float = 0.0) -> None:
        self.fail = list(fail or [])
        self.seconds = seconds
        self.calls: list[modelserve_pb2.FineTuneRequest] = []
        self.release = threading.Event()
        self.release.set()

    def __call__(self, request: modelserve_pb2.FineTuneRequest) -> AdapterRecord:
        self.calls.append(request)
        time.sleep(self.seconds)
        self.release.wait(timeout=60)
        error = self.fail.pop(0) if self.fail else None
        if error is not None:
            raise error
        return AdapterRecord(id=f"{request.base_model}-adapter", provider="local", base_model=request.base_model)


@contextlib.asynccontextmanager
async def worker(
    nats_url: str, trainer: Callable[..., AdapterRecord], **config: Any
) -> AsyncIterator[asyncio.Task[None]]:
    stop = asyncio.Event()
    settings = {"ack_wait": 5.0, "retry_delay": 0.2, "fetch_timeout": 0.5} | config
    task = asyncio.create_task(FineTuneWorker(FineTuneWorkerConfig(nats_url=nats_url, **settings), trainer).run(stop))
    try:
        yield task
    finally:
        stop.set()
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.wait_for(task, timeout=10)


async def eventually(check: Callable[[], Any], timeout: float = 20.0) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = await check()
        if value or time.monotonic() > deadline:
            return value
        await asyncio.sleep(0.1)


async def messages(js: Any, stream: str, decode: Callable[[bytes], Any]) -> list[Any]:
    """Every message still in ``stream`` (acked work-queue messages are gone)."""
    info = await js.stream_info(stream)
    found = []
    for seq in range(info.state.first_seq, info.state.last_seq + 1):
        with contextlib.suppress(Exception):
            found.append(decode((await js.get_msg(stream, seq)).data))
    return found


async def state(js: Any, name: str) -> dict[str, Any] | None:
    return await finetune_state(await finetunes_bucket(js), name)


async def work_items(js: Any, name: str) -> list[events_pb2.WorkItem]:
    return [m for m in await messages(js, WORK_STREAM, events_pb2.WorkItem.FromString) if m.study == name]


async def test_ft_items_are_published_when_the_adapter_exists_and_the_item_is_acked(nats_url: str) -> None:
    nc, js = await connect(nats_url)
    try:
        report = await run_study(study("follow"), nats_url)
        assert (report.published, report.finetune) == (2, "queued")  # raw cells now, ft cells later
        assert {m.strategy for m in await work_items(js, "follow")} == {"raw"}
        assert (await state(js, "follow"))["state"] == "pending"
        trainer = Trainer()
        async with worker(nats_url, trainer):
            done = await eventually(lambda: _state_is(js, "follow", "done"))
        assert done["model"] == "hf/demo@demo-adapter" and done["reused"] is False
        ft = [m for m in await work_items(js, "follow") if m.strategy == "ft"]
        assert len(ft) == 2 and {m.options["ft_model"] for m in ft} == {"hf/demo@demo-adapter"}
        assert len(trainer.calls) == 1 and trainer.calls[0].steps == 20
        assert await messages(js, FINETUNE_STREAM, bytes) == []  # acked: gone from the work queue
    finally:
        await nc.close()


async def _state_is(js: Any, name: str, wanted: str) -> dict[str, Any] | None:
    found = await state(js, name)
    return found if found and found["state"] == wanted else None


async def test_a_failed_attempt_is_retried_with_back_off_then_succeeds(nats_url: str) -> None:
    nc, js = await connect(nats_url)
    try:
        await run_study(study("retry", base="retry-base"), nats_url)
        trainer = Trainer(fail=[RuntimeError("scanner restarting")])
        async with worker(nats_url, trainer):
            done = await eventually(lambda: _state_is(js, "retry", "done"))
        assert done is not None and len(trainer.calls) == 2
        assert len([m for m in await work_items(js, "retry") if m.strategy == "ft"]) == 2
    finally:
        await nc.close()


async def test_a_permanent_failure_is_dead_lettered_and_a_re_post_retries_it(nats_url: str) -> None:
    nc, js = await connect(nats_url)
    try:
        await run_study(study("doomed", base="doomed-base"), nats_url)
        trainer = Trainer(fail=[FineTuneError("no example has completion tokens left")])
        async with worker(nats_url, trainer):
            failed = await eventually(lambda: _state_is(js, "doomed", "failed"))
            assert failed is not None and "no example has completion tokens" in failed["error"]
            assert len(trainer.calls) == 1  # not retried: no retry can fix it
            dead = await messages(js, DLQ_STREAM, lambda b: b)
            assert any(events_pb2.FineTuneWork.FromString(d).study == "doomed" for d in dead if _is_ft(d))
            assert [m for m in await work_items(js, "doomed") if m.strategy == "ft"] == []
            # the operator fixes the cause and posts the study again: the fine-tune runs once more
            again = await run_study(study("doomed", base="doomed-base"), nats_url)
            assert again.finetune == "queued"
            done = await eventually(lambda: _state_is(js, "doomed", "done"))
        assert done is not None and len(trainer.calls) == 2
    finally:
        await nc.close()


def _is_ft(data: bytes) -> bool:
    try:
        return bool(events_pb2.FineTuneWork.FromString(data).request.base_model)
    except Exception:  # noqa: BLE001 - another stream's dead letter
        return False


async def test_a_killed_worker_leaves_the_item_unacked_and_it_is_redelivered(nats_url: str) -> None:
    nc, js = await connect(nats_url)
    try:
        await run_study(study("killed", base="killed-base"), nats_url)
        hung = Trainer()
        hung.release.clear()  # training that never ends in this worker
        async with worker(nats_url, hung, ack_wait=1.0) as task:
            assert await eventually(lambda: _state_is(js, "killed", "training"))
            task.cancel()  # the process dies mid-training: no ack, no heartbeat
        trainer = Trainer()
        async with worker(nats_url, trainer, ack_wait=1.0):
            done = await eventually(lambda: _state_is(js, "killed", "done"))
        hung.release.set()
        assert done is not None and len(trainer.calls) == 1
        assert len([m for m in await work_items(js, "killed") if m.strategy == "ft"]) == 2
    finally:
        await nc.close()


async def test_heartbeats_keep_a_long_run_from_being_redelivered(nats_url: str) -> None:
    nc, js = await connect(nats_url)
    try:
        await run_study(study("long", base="long-base"), nats_url)
        trainer = Trainer(seconds=3.5)  # more than three ack_waits
        async with worker(nats_url, trainer, ack_wait=1.0), worker(nats_url, trainer, ack_wait=1.0):
            done = await eventually(lambda: _state_is(js, "long", "done"))
        assert done is not None and len(trainer.calls) == 1  # the second worker never got it
    finally:
        await nc.close()


async def test_an_undecodable_item_is_dead_lettered_not_retried(nats_url: str) -> None:
    from hardgen.core.events import FINETUNE_SUBJECT, ensure_streams

    nc, js = await connect(nats_url)
    try:
        await ensure_streams(js)
        await js.publish(FINETUNE_SUBJECT, b"\x08\x96\x01not a fine-tune", headers={"Nats-Msg-Id": "garbage-1"})
        trainer = Trainer()
        async with worker(nats_url, trainer):
            assert await eventually(lambda: _gone(js))
        assert trainer.calls == []
        dead = await messages(js, DLQ_STREAM, lambda b: b)
        assert b"\x08\x96\x01not a fine-tune" in dead
    finally:
        await nc.close()


async def _gone(js: Any) -> bool:
    return await messages(js, FINETUNE_STREAM, bytes) == []


async def test_a_registered_adapter_is_reused_not_retrained(nats_url: str, tiny_model_dir: Path) -> None:
    """The real model server's trainer on the tiny model: a second study with the same fine-tune
    configuration, and a re-post of the first, never train again."""
    from hardgen.modelserve.service import ModelService, ServeConfig

    service = ModelService(ServeConfig(model=str(tiny_model_dir), device="cpu"))
    trained: list[str] = []
    real = service_trainer(service, scanner=None)

    def train(request: modelserve_pb2.FineTuneRequest) -> AdapterRecord:
        record = real(request)
        trained.append("reused" if record.reused else "trained")
        return record

    base = str(tiny_model_dir)
    nc, js = await connect(nats_url)
    try:
        await run_study(study("tiny-a", base=base, steps=2), nats_url)
        async with worker(nats_url, train, ack_wait=30.0):
            first = await eventually(lambda: _state_is(js, "tiny-a", "done"), timeout=240)
            assert first is not None and first["reused"] is False
            # the same study again: its adapter is done, so its ft items go out without any fine-tune
            again = await run_study(study("tiny-a", base=base, steps=2), nats_url)
            assert again.finetune == "done"
            # another study with the same configuration: a fine-tune item, answered by the registry
            await run_study(study("tiny-b", base=base, steps=2), nats_url)
            second = await eventually(lambda: _state_is(js, "tiny-b", "done"), timeout=120)
        assert second is not None and second["reused"] is True and second["adapter"] == first["adapter"]
        assert trained == ["trained", "reused"]
    finally:
        await nc.close()
        service.close()
