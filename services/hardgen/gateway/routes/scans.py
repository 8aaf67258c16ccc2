"""``POST /v1/scans``: scan a batch of files with the scanner service (a gRPC proxy with limits);
``POST /v1/scans/archive``: the same for a tar or zip archive, unpacked here (safely, in memory)
so that the scanner, which speaks only gRPC, never reads untrusted archive bytes."""

from __future__ import annotations

from typing import Any, Literal

import anyio
from fastapi import APIRouter, Query, Request

from hardgen.core.clients.scanner import finding_to_dict
from hardgen.gateway.archive import ArchiveError, ArchiveFile, read_archive
from hardgen.gateway.deps import MetricsDep, ScannerDep, SettingsDep
from hardgen.gateway.errors import ApiError, request_id
from hardgen.gateway.limits import limited
from hardgen.gateway.models import ScanFileIn, ScanRequest, ScanResponse
from hardgen.gateway.routes.upstream import from_scanner_error
from hardgen.gateway.settings import GatewaySettings

router = APIRouter(prefix="/v1", tags=["scans"])


def check_files(files: list[ScanFileIn], settings: GatewaySettings) -> None:
    """The scan limits (files, bytes per file, bytes in all) as 400 ``limit_exceeded``; ``/v1/fixes`` too."""
    if len(files) > settings.max_scan_files:
        raise ApiError(400, "limit_exceeded", f"{len(files)} files, the limit is {settings.max_scan_files}")
    sizes = [len(f.content.encode("utf-8")) for f in files]
    if sizes and max(sizes) > settings.max_scan_file_bytes:
        big = files[sizes.index(max(sizes))].path
        raise ApiError(
            400, "limit_exceeded", f"file {big!r} has {max(sizes)} bytes, the limit is {settings.max_scan_file_bytes}"
        )
    total = sum(sizes)
    if total > settings.max_scan_bytes:
        raise ApiError(400, "limit_exceeded", f"{total} bytes of content, the limit is {settings.max_scan_bytes}")


@router.post(
    "/scans",
    response_model=ScanResponse,
    summary="Scan source files for weaknesses",
    **limited(400),
)
def create_scan(
    body: ScanRequest, request: Request, settings: SettingsDep, scanner: ScannerDep, metrics: MetricsDep
) -> dict[str, Any]:
    """Findings normalised to CodeQL query ids, CWE ids and security-severity."""
    check_files(body.files, settings)
    timeout = min(body.timeout_seconds or settings.scan_timeout_s, settings.scan_timeout_s)
    try:
        response = scanner.scan(
            [(f.path, f.content, f.language) for f in body.files],
            engines=body.engines or None,
            timeout=timeout,
            profile=body.profile,
        )
    except Exception as exc:  # noqa: BLE001 - the scanner client's errors, mapped by kind
        raise from_scanner_error(exc) from None
    return _answer(request, response, metrics)


#: The body is read as bytes whatever its Content-Type (application/x-tar, application/gzip and
#: application/zip work too); the archive's own magic bytes say what it is.
_ARCHIVE_BODY = {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}


@router.post(
    "/scans/archive",
    response_model=ScanResponse,
    summary="Scan the files of a tar or zip archive",
    **limited(400, 413),
    openapi_extra={"requestBody": {"required": True, "content": _ARCHIVE_BODY}},
)
async def create_archive_scan(
    request: Request,
    settings: SettingsDep,
    scanner: ScannerDep,
    metrics: MetricsDep,
    engines: str | None = Query(None, description="comma-separated engines; empty = the scanner's default"),
    profile: Literal["default", "extended"] = Query("default", description="as for POST /v1/scans"),
    timeout_seconds: float | None = Query(None, ge=1, le=600, description="as for POST /v1/scans"),
) -> dict[str, Any]:
    """A tar (optionally gzip/bz2/xz) or zip archive as the raw body. Links, absolute or escaping
    names and special files are refused (400); more entries or bytes than the scan limits allow
    are 413, counted on the bytes actually unpacked. Binary and unsupported files are listed in
    ``skipped``."""
    data = await _read_body(request, settings.max_scan_bytes + 1024 * 1024)
    try:
        files = read_archive(data, max_entries=settings.max_scan_files, max_bytes=settings.max_scan_bytes)
    except ArchiveError as exc:
        raise ApiError(exc.status, "bad_request" if exc.status == 400 else "too_large", str(exc)) from None
    if not files:
        raise ApiError(400, "bad_request", "the archive holds no regular file")
    _check_sizes(files, settings)
    timeout = min(timeout_seconds or settings.scan_timeout_s, settings.scan_timeout_s)
    names = [e.strip() for e in (engines or "").split(",") if e.strip()]
    try:
        response = await anyio.to_thread.run_sync(
            lambda: scanner.scan(
                [(f.path, f.content) for f in files], engines=names or None, timeout=timeout, profile=profile
            )  # fmt: skip
        )
    except Exception as exc:  # noqa: BLE001 - the scanner client's errors, mapped by kind
        raise from_scanner_error(exc) from None
    return _answer(request, response, metrics)


async def _read_body(request: Request, limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ApiError(413, "too_large", f"request body larger than {limit} bytes")
        chunks.append(chunk)
    if not size:
        raise ApiError(400, "bad_request", "send the archive as the request body")
    return b"".join(chunks)


def _check_sizes(files: list[ArchiveFile], settings: GatewaySettings) -> None:
    biggest = max(files, key=lambda f: len(f.content))
    if len(biggest.content) > settings.max_scan_file_bytes:
        raise ApiError(
            400,
            "limit_exceeded",
            f"file {biggest.path!r} has {len(biggest.content)} bytes, the limit is {settings.max_scan_file_bytes}",
        )


def _answer(request: Request, response: Any, metrics: Any) -> dict[str, Any]:
    metrics.findings.labels("scans").inc(len(response.findings))
    return {
        "request_id": request_id(request),
        "findings": [finding_to_dict(f) for f in response.findings],
        "errors": [{"path": e.path, "engine": e.engine, "message": e.message} for e in response.errors],
        "skipped": list(response.skipped),
        "files_scanned": response.files_scanned,
        "duration_ms": response.duration_ms,
        "rule_pack_version": response.rule_pack_version,
        "cache_hits": response.cache_hits,
        "profile": response.profile,
    }
