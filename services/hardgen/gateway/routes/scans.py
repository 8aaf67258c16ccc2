"""``POST /v1/scans``: scan a batch of files with the scanner service (a gRPC proxy with limits)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request

from hardgen.core.clients.scanner import finding_to_dict
from hardgen.gateway.deps import get_metrics, get_scanner, get_settings
from hardgen.gateway.errors import ApiError, request_id, responses
from hardgen.gateway.limits import limit_caller
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
    responses=responses(400, 422, 429, 502, 503, 504),
    dependencies=[Depends(limit_caller)],
)
def create_scan(
    body: ScanRequest,
    request: Request,
    settings: GatewaySettings = Depends(get_settings),
    scanner: Any = Depends(get_scanner),
    metrics: Any = Depends(get_metrics),
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
