"""A text-generation-inference (TGI) compatible HTTP API, so the refinement service's ``tgi/``
backend (``huggingface_hub.InferenceClient``) talks to this server and to a real TGI alike.

Routes: ``POST /generate``, ``POST /generate_stream`` (server-sent events, TGI's token events),
``POST /`` (TGI's compat route: ``stream`` in the body picks one of the two), ``GET /info``,
``GET /health``; plus ``GET /adapters`` (the registry). Errors use TGI's shape
``{"error": ..., "error_type": ...}``: 422 for invalid parameters, 404 for an unknown adapter.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response, StreamingResponse
from pydantic import BaseModel, Field

from hardgen.core.logging import get_logger
from hardgen.modelserve.localmodel import (
    AdapterMismatchError,
    AdapterNotFoundError,
    Generation,
    GenerationRequest,
    LocalModelError,
    ModelNotFoundError,
)
from hardgen.modelserve.service import InvalidRequestError, ModelService

log = get_logger(__name__)


class Parameters(BaseModel):
    """TGI's generation parameters (those this server does not implement are accepted and ignored)."""

    adapter_id: str | None = None
    max_new_tokens: int | None = Field(default=None)
    temperature: float | None = None
    top_p: float | None = None
    top_k: int | None = None
    do_sample: bool = False
    seed: int | None = None
    stop: list[str] = Field(default_factory=list)
    details: bool = False
    decoder_input_details: bool = False
    return_full_text: bool | None = False
    repetition_penalty: float | None = None
    truncate: int | None = None
    best_of: int | None = None


class GenerateBody(BaseModel):
    inputs: str
    parameters: Parameters = Field(default_factory=Parameters)
    stream: bool = False


def _error(status: int, message: str, error_type: str) -> JSONResponse:
    return JSONResponse(status_code=status, content={"error": message, "error_type": error_type})


def to_request(body: GenerateBody) -> GenerationRequest:
    """TGI semantics: sampling when ``do_sample`` or a positive temperature is given, else greedy."""
    p = body.parameters
    temperature = 0.0
    if p.do_sample or (p.temperature is not None and p.temperature > 0):
        temperature = p.temperature if p.temperature is not None else 1.0
        if temperature <= 0:
            raise InvalidRequestError("`temperature` must be strictly positive when sampling")
    return GenerationRequest(
        prompt=body.inputs,
        max_new_tokens=p.max_new_tokens if p.max_new_tokens is not None else 100,
        temperature=temperature,
        top_p=p.top_p if p.top_p is not None else 1.0,
        seed=p.seed,
        stop=tuple(p.stop),
        adapter_id=p.adapter_id or "",
    )


def _token(model_tokenizer: Any, token_id: int, text: str | None = None, special: bool = False) -> dict[str, Any]:
    if text is None:
        text = "" if special else str(model_tokenizer.decode([token_id]))
    return {"id": token_id, "text": text, "logprob": 0.0, "special": special}


def _full_text(body: GenerateBody, out: Generation) -> str:
    text = out.text + out.stop_sequence  # TGI keeps a matched stop sequence in the text
    return body.inputs + text if body.parameters.return_full_text else text


def _details(service: ModelService, out: Generation) -> dict[str, Any]:
    tok = service.default_model().tokenizer
    return {
        "finish_reason": out.finish_reason,
        "generated_tokens": out.completion_tokens,
        "seed": out.seed,
        "prefill": [],
        "tokens": [_token(tok, t) for t in out.tokens],
        "best_of_sequences": None,
    }


def create_app(service: ModelService) -> FastAPI:
    app = FastAPI(title="hardgen modelserve (TGI-compatible)", version="1")

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {"msg": "invalid request"}
        where = ".".join(str(x) for x in first.get("loc", ()) if x != "body")
        return _error(422, f"{where}: {first.get('msg')}" if where else str(first.get("msg")), "validation")

    def _failure(exc: Exception) -> JSONResponse:
        if isinstance(exc, AdapterNotFoundError):
            return _error(404, str(exc), "not_found")
        if isinstance(exc, ModelNotFoundError):
            return _error(503, str(exc), "not_loaded")
        if isinstance(exc, (InvalidRequestError, AdapterMismatchError)):
            return _error(422, str(exc), "validation")
        log.error("generation failed", error=repr(exc))
        return _error(500, f"generation failed: {exc}", "generation")

    async def _generate(body: GenerateBody) -> Response:
        try:
            # submit may load an adapter the first time: off the event loop
            future = await asyncio.to_thread(service.submit, to_request(body))
            out = await asyncio.wrap_future(future)
        except (LocalModelError, InvalidRequestError, RuntimeError) as exc:
            return _failure(exc)
        result: dict[str, Any] = {"generated_text": _full_text(body, out)}
        if body.parameters.details:
            result["details"] = _details(service, out)
        return JSONResponse(result)

    async def _stream(body: GenerateBody) -> Response:
        loop = asyncio.get_running_loop()
        queue: asyncio.Queue[tuple[int, str] | None] = asyncio.Queue()

        def on_token(token_id: int, piece: str) -> None:
            loop.call_soon_threadsafe(queue.put_nowait, (token_id, piece))

        try:
            request = to_request(body)
            request.on_token = on_token
            future = await asyncio.to_thread(service.submit, request)
        except (LocalModelError, InvalidRequestError, RuntimeError) as exc:
            return _failure(exc)
        future.add_done_callback(lambda _: loop.call_soon_threadsafe(queue.put_nowait, None))
        tok = service.default_model().tokenizer

        def event(index: int, token: dict[str, Any], final: Generation | None) -> str:
            payload = {
                "index": index,
                "token": token,
                "top_tokens": None,
                "generated_text": _full_text(body, final) if final else None,
                "details": {"finish_reason": final.finish_reason, "generated_tokens": final.completion_tokens,
                            "seed": final.seed} if final else None,
            }
            return f"data: {json.dumps(payload)}\n\n"

        async def events() -> AsyncIterator[str]:
            held: tuple[int, str] | None = None  # TGI's last token event carries the final text
            index = 0
            while True:
                item = await queue.get()
                if item is None:
                    break
                if held is not None:
                    index += 1
                    yield event(index, _token(tok, held[0], held[1]), None)
                held = item
            try:
                out = future.result()
            except Exception as exc:  # noqa: BLE001 - reported in TGI's stream error shape
                yield f"data: {json.dumps({'error': str(exc), 'error_type': 'generation'})}\n\n"
                return
            if held is not None and out.finish_reason != "eos_token":
                yield event(index + 1, _token(tok, held[0], held[1]), out)
                return
            if held is not None:
                index += 1
                yield event(index, _token(tok, held[0], held[1]), None)
            eos = tok.eos_token_id if tok.eos_token_id is not None else 0
            yield event(index + 1, _token(tok, eos, "", special=True), out)

        return StreamingResponse(events(), media_type="text/event-stream",
                                 headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})

    @app.post("/generate")
    async def generate(body: GenerateBody) -> Response:
        return await _generate(body)

    @app.post("/generate_stream")
    async def generate_stream(body: GenerateBody) -> Response:
        return await _stream(body)

    @app.post("/")
    async def compat(body: GenerateBody) -> Response:
        return await (_stream(body) if body.stream else _generate(body))

    @app.get("/info")
    async def info() -> Response:
        try:
            return JSONResponse(await asyncio.to_thread(service.info))
        except LocalModelError as exc:
            return _failure(exc)

    @app.get("/health")
    async def health() -> Response:
        ok = await asyncio.to_thread(service.health)
        return Response(status_code=200 if ok else 503)

    @app.get("/adapters")
    async def adapters() -> Response:
        records = await asyncio.to_thread(service.list_adapters)
        return JSONResponse({"adapters": [r.to_dict() for r in records]})

    return app
