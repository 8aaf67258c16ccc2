"""Backends against loopback servers that speak the providers' APIs, and a tiny local model."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from hardgen.refinement.backends import CallContext, GenerationParams, get_backend, split_model
from hardgen.refinement.errors import BackendCallError, MissingKeyError, RequestError
from tests.helpers import free_port
from tests.refinement.fakeapi import FakeAPI, gemini_reply, openai_reply, tgi_reply

PARAMS = GenerationParams(max_new_tokens=64, temperature=0.3, top_p=0.9, seed=7)


def test_model_addressing() -> None:
    assert split_model("openai/gpt-4.1") == ("openai", "gpt-4.1")
    assert split_model("tgi/http://gpu:8080@lora") == ("tgi", "http://gpu:8080@lora")
    with pytest.raises(RequestError, match="provider/model"):
        split_model("gpt-4.1")
    with pytest.raises(RequestError, match="unknown model provider 'anthropic'"):
        split_model("anthropic/claude")
    with pytest.raises(RequestError, match="unknown option"):
        get_backend("openai/gpt-4.1", {"base_ulr": "typo"})


def test_openai_records_request_and_stats(api: FakeAPI) -> None:
    api.script(openai_reply("```python\nprint(1)\n```", prompt_tokens=21, completion_tokens=4))
    backend = get_backend("openai/gpt-4.1", {"base_url": api.url + "/v1"})
    done = backend.complete("PROMPT TEXT", PARAMS, CallContext(step="raw"))
    assert done.text == "```python\nprint(1)\n```"
    sent = api.requests[-1]
    assert sent.path == "/v1/chat/completions"
    assert sent.body["model"] == "gpt-4.1"
    assert sent.body["messages"] == [{"role": "user", "content": "PROMPT TEXT"}]
    assert sent.body["seed"] == 7 and sent.body["temperature"] == 0.3 and sent.body["max_tokens"] == 64
    stats = done.stats
    assert (stats.prompt_tokens, stats.completion_tokens, stats.attempts) == (21, 4, 1)
    assert stats.backend == "openai" and stats.backend_version.startswith("openai-python")
    assert stats.seed == 7 and stats.temperature == 0.3 and stats.latency_ms > 0


def test_openai_key_is_sent_and_reasoning_models_get_no_sampling(api: FakeAPI, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-abcdefghijklmnop")
    api.script(openai_reply("ok"))
    get_backend("openai/o4-mini", {"base_url": api.url + "/v1"}).complete("p", PARAMS)
    sent = api.requests[-1]
    assert sent.headers["authorization"] == "Bearer sk-test-abcdefghijklmnop"
    assert "temperature" not in sent.body and "top_p" not in sent.body


def test_openai_retries_429_then_succeeds(api: FakeAPI) -> None:
    api.script((429, {"error": {"message": "rate limited"}}), openai_reply("fine"))
    done = get_backend("openai/gpt-4.1", {"base_url": api.url + "/v1"}).complete("p", PARAMS)
    assert done.text == "fine" and done.stats.attempts == 2
    assert len(api.requests) == 2


def test_openai_500_forever_is_a_clear_failure(api: FakeAPI) -> None:
    api.script((500, {"error": {"message": "boom"}}))
    backend = get_backend("openai/gpt-4.1", {"base_url": api.url + "/v1", "max_attempts": "3"})
    with pytest.raises(BackendCallError) as info:
        backend.complete("p", PARAMS)
    message = str(info.value)
    assert "HTTP 500" in message and "after 3 attempts" in message and "\n" not in message
    assert len(api.requests) == 3


def test_openai_client_error_is_not_retried(api: FakeAPI) -> None:
    api.script((400, {"error": {"message": "bad model"}}))
    with pytest.raises(BackendCallError, match="HTTP 400"):
        get_backend("openai/gpt-4.1", {"base_url": api.url + "/v1"}).complete("p", PARAMS)
    assert len(api.requests) == 1


def test_openai_missing_key_names_the_variable() -> None:
    backend = get_backend("openai/gpt-4.1")
    with pytest.raises(MissingKeyError, match="^OPENAI_API_KEY is not set$"):
        backend.prepare()


def test_dead_endpoint_names_it() -> None:
    url = f"http://127.0.0.1:{free_port()}/v1"
    backend = get_backend("openai/gpt-4.1", {"base_url": url, "max_attempts": "2"})
    with pytest.raises(BackendCallError, match=f"cannot reach {url}"):
        backend.complete("p", PARAMS)


def test_tgi_sends_adapter_and_parses_details(api: FakeAPI) -> None:
    api.script(tgi_reply("generated", generated_tokens=9))
    done = get_backend(f"tgi/{api.url}@sql-lora").complete("PROMPT", PARAMS)
    sent = api.requests[-1]
    assert sent.body["inputs"] == "PROMPT"
    assert sent.body["parameters"]["adapter_id"] == "sql-lora"
    assert sent.body["parameters"]["seed"] == 7 and sent.body["parameters"]["max_new_tokens"] == 64
    assert done.text == "generated" and done.stats.completion_tokens == 9
    assert done.stats.model.endswith("@sql-lora")


def test_tgi_retries_rate_limit(api: FakeAPI) -> None:
    api.script((429, {"error": "slow down"}), (503, {"error": "loading"}), tgi_reply("x"))
    done = get_backend(f"tgi/{api.url}").complete("p", PARAMS)
    assert done.stats.attempts == 3 and "adapter_id" not in api.requests[-1].body["parameters"]


def test_gemini_rest_api(api: FakeAPI, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GEMINI_API_KEY", "AIzaTESTKEY00000000000000000")
    api.script((503, {"error": {"code": 503, "message": "overloaded", "status": "UNAVAILABLE"}}), gemini_reply("gem"))
    done = get_backend("gemini/gemini-2.0-flash", {"base_url": api.url}).complete("PROMPT", PARAMS)
    sent = api.requests[-1]
    assert sent.path.endswith("/models/gemini-2.0-flash:generateContent")
    assert sent.body["contents"][0]["parts"][0]["text"] == "PROMPT"
    assert sent.body["generationConfig"]["seed"] == 7
    assert sent.headers["x-goog-api-key"] == "AIzaTESTKEY00000000000000000"
    assert done.text == "gem" and done.stats.attempts == 2
    assert (done.stats.prompt_tokens, done.stats.completion_tokens) == (13, 9)


def test_gemini_missing_key() -> None:
    with pytest.raises(MissingKeyError, match="^GEMINI_API_KEY is not set$"):
        get_backend("gemini/gemini-2.0-flash").prepare()


def test_replay_answers_by_sample_and_step(tmp_path: Path) -> None:
    manifest = tmp_path / "run.jsonl"
    records = [
        {
            "language": "python",
            "scenario": 1,
            "strategy": "nep",
            "index": 0,
            "model": "openai/gpt-4.1",
            "prompts": [{"step": "nep:insecure-example", "response": "first"}, {"step": "nep", "response": "second"}],
        },
        {"language": "go", "scenario": 2, "strategy": "raw", "index": 1, "raw_response": "plain"},
    ]
    manifest.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    backend = get_backend(f"replay/{manifest}")
    ctx = CallContext(language="python", scenario=1, strategy="nep", index=0)
    assert backend.complete("x", PARAMS, replace(ctx, step="nep:insecure-example")).text == "first"
    assert backend.complete("x", PARAMS, replace(ctx, step="nep")).text == "second"
    plain = CallContext(language="go", scenario=2, strategy="raw", index=1, step="raw")
    assert backend.complete("x", PARAMS, plain).text == "plain"
    with pytest.raises(BackendCallError, match="no sample for"):
        backend.complete("x", PARAMS, replace(plain, index=5))


def test_hf_tiny_model_generates_with_stats(tiny_model_dir: Path) -> None:
    from hardgen.modelserve.inprocess import InProcessModelServe

    backend = get_backend(f"hf/{tiny_model_dir}", models=InProcessModelServe())
    done = backend.complete("from flask import Flask\n", GenerationParams(max_new_tokens=8, temperature=0.0, seed=1))
    assert done.text, "the tiny model continues the prompt (greedy: newlines, for this one)"
    assert done.stats.prompt_tokens > 0 and 0 < done.stats.completion_tokens <= 8
    assert done.stats.backend == "hf" and done.stats.backend_version.startswith("transformers")
    assert done.stats.model == str(tiny_model_dir)


def test_hf_missing_model_is_a_config_error(tmp_path: Path) -> None:
    from hardgen.modelserve.inprocess import InProcessModelServe
    from hardgen.refinement.errors import ConfigError

    with pytest.raises(ConfigError, match="cannot load hf model .*nothing-here"):
        get_backend(f"hf/{tmp_path}/nothing-here", models=InProcessModelServe()).prepare()


def test_hf_never_loads_a_model_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a port handed over, hf/ is a client of modelserve: an absent server is a retried,
    retryable failure naming the address, not a model loaded into the refinement process."""
    dead = f"127.0.0.1:{free_port()}"
    monkeypatch.setenv("HARDGEN_MODELSERVE_ADDR", dead)
    backend = get_backend("hf/demo", {"max_attempts": "2", "timeout": "2"})
    with pytest.raises(BackendCallError, match=f"model server at {dead}.*after 2 attempts") as caught:
        backend.complete("x", GenerationParams(max_new_tokens=2))
    assert caught.value.retryable and backend.models.address == dead


def test_logs_carry_neither_keys_nor_prompts(api: FakeAPI, monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    from hardgen.core.logging import configure_logging
    from hardgen.refinement.service import GenerateSpec, RefinementService

    key = "sk-secretkey-0123456789abcdef"
    monkeypatch.setenv("OPENAI_API_KEY", key)
    real_stderr, buffer = sys.stderr, io.StringIO()
    sys.stderr = buffer  # logs go to whatever sys.stderr is when they are written
    configure_logging("json", "DEBUG")
    try:
        api.script((429, {"error": {"message": "slow"}}), openai_reply("```python\nx = 1\n```"))
        spec = GenerateSpec(
            language="python",
            model="openai/gpt-4.1",
            prompt="UNIQUE-PROMPT-MARKER do things",
            options={"base_url": api.url},
        )
        (sample,) = RefinementService().generate(spec)
        api.script((500, {"error": {"message": "down"}}))
        (failed,) = RefinementService().generate(spec)
    finally:
        sys.stderr = real_stderr
        configure_logging("console")
    logs = buffer.getvalue()
    assert sample.error == "" and "HTTP 500" in failed.error
    assert "model_call" in logs and "sample_failed" in logs
    assert key not in logs and "UNIQUE-PROMPT-MARKER" not in logs


def test_hf_through_the_model_server_equals_the_in_process_one(tiny_model_dir: Path, tiny_adapter: Path) -> None:
    """The gRPC model server and the CLI's in-process one run the same code: same text, same errors."""
    from hardgen.modelserve.inprocess import InProcessModelServe
    from hardgen.modelserve.serve import ServeConfig, start_server
    from hardgen.refinement.errors import ConfigError

    running = start_server(ServeConfig(model=str(tiny_model_dir)), grpc_port=free_port(), http_port=0)
    local = InProcessModelServe()
    params, prompt = GenerationParams(max_new_tokens=6, temperature=0.7, seed=3), "from flask import Flask\n"
    try:
        for spec in (f"hf/{tiny_model_dir}", f"hf/{tiny_model_dir}@{tiny_adapter}"):
            served = get_backend(spec, {"modelserve": running.grpc_address}).complete(prompt, params)
            here = get_backend(spec, models=local).complete(prompt, params)
            assert served.text == here.text, "modelserve and the local path run the same code"
            assert served.stats.model == here.stats.model and served.stats.backend == "hf"
            assert 0 < served.stats.completion_tokens <= 6
        for models in ({"modelserve": running.grpc_address}, {}):
            missing = get_backend(f"hf/{tiny_model_dir}@no-such-adapter", models, models=None if models else local)
            with pytest.raises(ConfigError, match="no-such-adapter"):
                missing.complete("x", GenerationParams(max_new_tokens=2))
    finally:
        running.stop()
        local.close()
