"""REST front end of the scanner (FastAPI): ``POST /v1/scans`` and ``GET /healthz``.

``POST /v1/scans`` accepts either JSON ``{"files": [{"path", "content" | "content_base64",
"language"?}], "engines"?, "timeout_seconds"?, "profile"?}`` or an archive (tar, tar.gz, zip) as
the raw body (``Content-Type: application/x-tar``, ``application/gzip``, ``application/zip`` or
``application/octet-stream``; engines, timeout and profile as query parameters) or as the
``archive`` field of a multipart form. ``profile`` is ``default`` (CodeQL-compatible query ids) or
``extended`` (:mod:`hardgen.core.profiles`); an unknown one is a 400. Every error is a JSON body
``{"error": "...", "status": N}``.
"""

from __future__ import annotations

import base64
import binascii
from typing import Any

import anyio
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, ValidationError

from hardgen import __version__
from hardgen.core.languages import UnknownLanguageError, parse_language
from hardgen.core.profiles import PROFILES
from hardgen.scanner.archive import MAX_UNPACKED_BYTES, ArchiveError, read_archive
from hardgen.scanner.engines.registry import available_engines
from hardgen.scanner.scan import DEFAULT_TIMEOUT, ScanTimeoutError, SourceInput
from hardgen.scanner.service import RequestError, ScanService

#: Largest request body read (an archive is compressed, so its unpacked limit is checked later).
MAX_BODY_BYTES = MAX_UNPACKED_BYTES + 8 * 1024 * 1024
_ARCHIVE_TYPES = ("application/x-tar", "application/gzip", "application/x-gzip", "application/zip",
                  "application/x-zip-compressed", "application/octet-stream", "application/x-gtar")  # fmt: skip


class FileIn(BaseModel):
    path: str
    content: str | None = None
    content_base64: str | None = None
    language: str | None = None


class ScanBody(BaseModel):
    files: list[FileIn] = Field(default_factory=list)
    engines: list[str] | str | None = None
    timeout_seconds: float | None = Field(default=None, gt=0)
    profile: str | None = Field(default=None, description="default (CodeQL-compatible) or extended")


def _inline_refs(schema: dict[str, Any]) -> dict[str, Any]:
    """Pydantic's schema with its local ``$defs`` inlined (they would not resolve inside OpenAPI)."""
    defs = schema.pop("$defs", {})

    def walk(node: Any) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref", "")
            if ref.startswith("#/$defs/"):
                return walk(defs[ref.rsplit("/", 1)[-1]])
            return {k: walk(v) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(v) for v in node]
        return node

    result: dict[str, Any] = walk(schema)
    return result


_ARCHIVE_BODY = {"schema": {"type": "string", "format": "binary"}}
_OPENAPI_SCANS: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": _inline_refs(ScanBody.model_json_schema())},
            "application/x-tar": _ARCHIVE_BODY,
            "application/gzip": _ARCHIVE_BODY,
            "application/zip": _ARCHIVE_BODY,
            "application/octet-stream": _ARCHIVE_BODY,
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "archive": {"type": "string", "format": "binary"},
                        "engines": {"type": "string"},
                        "profile": {"type": "string", "enum": list(PROFILES)},
                    },
                    "required": ["archive"],
                }
            },
        },
    },
    "parameters": [
        {"name": "engines", "in": "query", "required": False, "schema": {"type": "string"}},
        {"name": "timeout_seconds", "in": "query", "required": False, "schema": {"type": "number"}},
        {"name": "profile", "in": "query", "required": False, "schema": {"type": "string", "enum": list(PROFILES)}},
    ],
    "responses": {
        "400": {"description": "invalid request or refused archive (JSON error body)"},
        "413": {"description": "too many files or too large (JSON error body)"},
        "503": {"description": "an engine the files need is not installed or failed (JSON error body)"},
        "504": {"description": "scan did not complete within the time limit (JSON error body)"},
    },
}


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse(status_code=status, content={"error": message, "status": status})


async def _read_body(request: Request) -> bytes:
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise RequestError(f"request body larger than {MAX_BODY_BYTES // (1024 * 1024)} MB", status=413)
        chunks.append(chunk)
    return b"".join(chunks)


def _json_inputs(body: ScanBody) -> list[SourceInput]:
    inputs = []
    for f in body.files:
        if f.content_base64 is not None:
            try:
                content = base64.b64decode(f.content_base64, validate=True)
            except (binascii.Error, ValueError):
                raise RequestError(f"{f.path}: content_base64 is not valid base64") from None
        else:
            content = (f.content or "").encode("utf-8")
        try:
            language = parse_language(f.language) if f.language else None
        except UnknownLanguageError as exc:
            raise RequestError(f"{f.path}: {exc}") from None
        inputs.append(SourceInput(path=f.path, content=content, language=language))
    return inputs


def create_app(service: ScanService) -> FastAPI:
    app = FastAPI(title="hardgen scanner", version=__version__)

    @app.get("/healthz")
    async def healthz() -> dict[str, Any]:
        return {"status": "ok", "version": __version__, "engines": available_engines()}

    @app.post("/v1/scans", openapi_extra=_OPENAPI_SCANS, response_model=None)
    async def scans(request: Request) -> JSONResponse:
        """Scan JSON files or an uploaded archive; the report as JSON (see ScanReport)."""
        try:
            inputs, engines, timeout, profile = await _parse_request(request)
            report = await anyio.to_thread.run_sync(service.run, inputs, engines, timeout, profile)
        except ScanTimeoutError as exc:
            return _error(504, f"scan did not complete within the time limit: {exc}")
        except ArchiveError as exc:
            return _error(exc.status, str(exc))
        except RequestError as exc:
            return _error(exc.status, str(exc))
        return JSONResponse(report.to_dict())

    return app


async def _parse_request(
    request: Request,
) -> tuple[list[SourceInput], list[str] | str | None, float, str | None]:
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    query_engines = request.query_params.get("engines")
    query_profile = request.query_params.get("profile")
    query_timeout = request.query_params.get("timeout_seconds")
    try:
        timeout = float(query_timeout) if query_timeout else DEFAULT_TIMEOUT
    except ValueError:
        raise RequestError("timeout_seconds must be a number") from None
    if content_type == "application/json" or not content_type:
        try:
            body = ScanBody.model_validate_json(await _read_body(request))
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first.get("loc", ()))
            raise RequestError(f"invalid scan request: {where}: {first.get('msg')}") from None
        if not body.files:
            raise RequestError("no files to scan: send {\"files\": [...]} or an archive")
        engines, profile = body.engines or query_engines, body.profile or query_profile
        return _json_inputs(body), engines, body.timeout_seconds or timeout, profile
    if content_type == "multipart/form-data":
        form = await request.form(max_files=1, max_part_size=MAX_BODY_BYTES)
        upload = form.get("archive")
        if upload is None or isinstance(upload, str):
            raise RequestError("multipart upload needs a file field named 'archive'")
        data = await upload.read()
        engines_field = form.get("engines")
        engines = engines_field if isinstance(engines_field, str) else query_engines
        profile_field = form.get("profile")
        profile = profile_field if isinstance(profile_field, str) else query_profile
        return read_archive(data), engines, timeout, profile
    if content_type in _ARCHIVE_TYPES:
        return read_archive(await _read_body(request)), query_engines, timeout, query_profile
    raise RequestError(f"unsupported content type {content_type!r}: send JSON or a tar/zip archive", status=415)
