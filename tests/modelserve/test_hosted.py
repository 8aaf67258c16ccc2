"""Hosted fine-tunes against a loopback server speaking OpenAI's files and fine_tuning API."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.datastructures import UploadFile

from hardgen.modelserve.dataset import build_dataset
from hardgen.modelserve.hosted import (
    HostedConfig,
    HostedFineTuneError,
    hosted_config_from_preset,
    openai_finetune,
)
from hardgen.modelserve.registry import AdapterRegistry
from tests.helpers import free_port


class FakeOpenAI:
    """The slice of OpenAI's API a supervised fine-tune uses; jobs advance one state per poll."""

    def __init__(self, fail: bool = False) -> None:
        self.files: dict[str, bytes] = {}
        self.jobs: dict[str, dict[str, Any]] = {}
        self.created: list[dict[str, Any]] = []
        self.fail = fail
        self.app = FastAPI()
        self.app.post("/v1/files")(self.upload)
        self.app.post("/v1/fine_tuning/jobs")(self.create_job)
        self.app.get("/v1/fine_tuning/jobs/{job_id}")(self.get_job)

    async def upload(self, request: Request) -> JSONResponse:
        form = await request.form()
        file = form["file"]
        assert isinstance(file, UploadFile) and form["purpose"] == "fine-tune"
        file_id = f"file-{len(self.files) + 1}"
        self.files[file_id] = await file.read()
        return JSONResponse({"id": file_id, "object": "file", "bytes": len(self.files[file_id]),
                             "created_at": int(time.time()), "filename": file.filename, "purpose": "fine-tune",
                             "status": "processed"})

    async def create_job(self, request: Request) -> JSONResponse:
        body = await request.json()
        self.created.append(body)
        if body["training_file"] not in self.files:
            return JSONResponse({"error": {"message": "no such file", "type": "invalid_request_error"}},
                                status_code=400)
        job_id = f"ftjob-{len(self.jobs) + 1}"
        self.jobs[job_id] = {"body": body, "polls": 0}
        return JSONResponse(self._job(job_id, "validating_files"))

    def _job(self, job_id: str, status: str) -> dict[str, Any]:
        body = self.jobs[job_id]["body"]
        done = status == "succeeded"
        return {
            "id": job_id, "object": "fine_tuning.job", "model": body["model"], "created_at": int(time.time()),
            "status": status, "training_file": body["training_file"], "validation_file": None,
            "fine_tuned_model": f"ft:{body['model']}:hardgen:{body.get('suffix', '')}:abc123" if done else None,
            "finished_at": int(time.time()) if status in {"succeeded", "failed"} else None,
            "hyperparameters": {"n_epochs": 5}, "organization_id": "org-test", "result_files": [],
            "seed": body.get("seed", 0), "trained_tokens": 1234 if done else None,
            "error": {"code": "invalid_data", "message": "dataset rejected", "param": None}
            if status == "failed" else None,
        }

    async def get_job(self, job_id: str) -> JSONResponse:
        job = self.jobs[job_id]
        job["polls"] += 1
        states = ["queued", "running", "failed" if self.fail else "succeeded"]
        return JSONResponse(self._job(job_id, states[min(job["polls"], len(states)) - 1]))


def serve(app: FastAPI) -> Iterator[str]:
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_config=None, lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}/v1"
    server.should_exit = True
    thread.join(timeout=5)


@pytest.fixture()
def fake_openai() -> Iterator[tuple[FakeOpenAI, str]]:
    fake = FakeOpenAI()
    for url in serve(fake.app):
        yield fake, url


def client_for(url: str) -> Any:
    import openai

    return openai.OpenAI(api_key="sk-test-not-a-real-key-000", base_url=url, max_retries=0)


def test_openai_supervised_finetune_uploads_chat_jsonl_polls_and_registers(fake_openai: tuple[FakeOpenAI, str]) -> None:
    fake, url = fake_openai
    dataset = build_dataset("python", scanner=None)
    cfg = hosted_config_from_preset("gpt-4.1", poll_interval=0.01, name="gpt41-python")
    statuses: list[str] = []
    record = openai_finetune(dataset, cfg, client=client_for(url), on_status=statuses.append)

    assert record.remote_model_id.startswith("ft:gpt-4.1")
    assert record.provider == "openai" and record.status == "succeeded"
    assert statuses[-1] == "succeeded" and "running" in statuses
    # the upload is chat-format JSONL, one line per scanned example, prompt as the raw strategy sends it
    lines = [json.loads(line) for line in fake.files["file-1"].decode().splitlines()]
    assert len(lines) == len(dataset.examples)
    assert [m["role"] for m in lines[0]["messages"]] == ["user", "assistant"]
    assert lines[0]["messages"][0]["content"] == dataset.examples[0].prompt
    # study preset: 5 epochs, seed 42, supervised
    body = fake.created[0]
    assert body["seed"] == 42 and body["method"]["type"] == "supervised"
    assert body["method"]["supervised"]["hyperparameters"]["n_epochs"] == 5
    assert AdapterRegistry().get("gpt41-python") is not None


def test_openai_failed_job_is_registered_as_failed_and_reported() -> None:
    fake = FakeOpenAI(fail=True)
    for url in serve(fake.app):
        cfg = HostedConfig(provider="openai", model="gpt-4.1-2025-04-14", epochs=1, poll_interval=0.01, name="ft-fail")
        with pytest.raises(HostedFineTuneError, match="dataset rejected"):
            openai_finetune(build_dataset("python", scanner=None), cfg, client=client_for(url))
    record = AdapterRegistry().get("ft-fail")
    assert record is not None and record.status == "failed"


def test_o4_mini_preset_is_reinforcement_and_needs_a_grader(fake_openai: tuple[FakeOpenAI, str]) -> None:
    fake, url = fake_openai
    cfg = hosted_config_from_preset("o4-mini", poll_interval=0.01)
    assert cfg.method == "reinforcement" and cfg.steps == 25
    assert cfg.hyperparameters == {"eval_interval": 6, "reasoning_effort": "medium"}
    with pytest.raises(HostedFineTuneError, match="grader"):
        openai_finetune(build_dataset("python", scanner=None), cfg, client=client_for(url))
    cfg.grader = {"type": "string_check", "name": "fenced", "input": "{{sample.output_text}}",
                  "reference": "```", "operation": "like"}
    openai_finetune(build_dataset("python", scanner=None), cfg, client=client_for(url))
    assert fake.created[-1]["method"]["reinforcement"]["hyperparameters"]["eval_interval"] == 6


class FakeVertex:
    """Vertex AI's tuningJobs routes as google-genai calls them."""

    def __init__(self) -> None:
        self.created: list[dict[str, Any]] = []
        self.polls = 0
        self.app = FastAPI()
        self.app.post("/v1beta1/projects/{project}/locations/{location}/tuningJobs")(self.create)
        self.app.get("/v1beta1/projects/{project}/locations/{location}/tuningJobs/{job}")(self.get)

    async def create(self, project: str, location: str, request: Request) -> JSONResponse:
        self.created.append(await request.json())
        return JSONResponse({"name": f"projects/{project}/locations/{location}/tuningJobs/123",
                             "state": "JOB_STATE_PENDING"})

    async def get(self, project: str, location: str, job: str) -> JSONResponse:
        self.polls += 1
        done = self.polls >= 2
        body: dict[str, Any] = {"name": f"projects/{project}/locations/{location}/tuningJobs/{job}",
                                "state": "JOB_STATE_SUCCEEDED" if done else "JOB_STATE_RUNNING"}
        if done:
            body["tunedModel"] = {"model": f"projects/{project}/locations/{location}/models/9",
                                  "endpoint": f"projects/{project}/locations/{location}/endpoints/7"}
        return JSONResponse(body)


def test_gemini_vertex_tuning_job_is_created_polled_and_registered() -> None:
    from google import genai
    from google.genai import types
    from google.oauth2.credentials import Credentials

    from hardgen.core.settings import models_dir
    from hardgen.modelserve.hosted import gemini_finetune

    dataset = build_dataset("python", scanner=None)
    cfg = hosted_config_from_preset("gemini-2.0-flash", poll_interval=0.01, name="gemini-python")
    with pytest.raises(HostedFineTuneError, match="--training-uri"):
        gemini_finetune(dataset, cfg)
    written = models_dir() / "hosted" / "gemini-python" / "train.jsonl"
    first = json.loads(written.read_text().splitlines()[0])
    assert [c["role"] for c in first["contents"]] == ["user", "model"]

    fake = FakeVertex()
    cfg.training_uri = "gs://bucket/train.jsonl"
    for url in serve(fake.app):
        client = genai.Client(vertexai=True, project="p", location="us-central1", credentials=Credentials(token="t"),
                              http_options=types.HttpOptions(base_url=url.removesuffix("/v1")))
        record = gemini_finetune(dataset, cfg, client=client)
    assert record.remote_model_id.endswith("/models/9") and record.status == "succeeded"
    spec = fake.created[0]["supervisedTuningSpec"]
    assert spec["trainingDatasetUri"] == "gs://bucket/train.jsonl"
    assert spec["hyperParameters"]["epochCount"] == 30
    assert AdapterRegistry().get("gemini-python") is not None
