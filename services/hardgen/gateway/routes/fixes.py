"""``POST /v1/fixes``: verified fixes of the caller's files (the refinement service's ``Fix`` over gRPC).

The files obey the ``/v1/scans`` limits and the model the ``/v1/generations`` provider policy and
option allow-list; the tokens of every model call count against the caller's daily cap. Each file
comes back with its outcome (fixed, partially_fixed, unfixable, clean, skipped, unsupported), the
reason, every attempt and, for an accepted fix, the diff and the fixed file.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from hardgen.core.clients.base import message_from
from hardgen.core.clients.scanner import source_files
from hardgen.core.fixes import FileFix, exit_code
from hardgen.gateway.auth import record_tokens
from hardgen.gateway.deps import MetricsDep, RefinementDep, SettingsDep
from hardgen.gateway.errors import request_id
from hardgen.gateway.limits import limited
from hardgen.gateway.models import FixRequest, FixResponse
from hardgen.gateway.refinement_client import RefinementClientError, file_fix_to_dict
from hardgen.gateway.routes.generations import check_model_request
from hardgen.gateway.routes.scans import check_files
from hardgen.gateway.routes.upstream import from_grpc_status
from hardgen.v1 import refinement_pb2

router = APIRouter(prefix="/v1", tags=["fixes"])


@router.post(
    "/fixes",
    response_model=FixResponse,
    summary="Fix the scanner's findings in files with a model, keeping only verified fixes",
    **limited(400),
)
def create_fix(
    body: FixRequest, request: Request, settings: SettingsDep, refinement: RefinementDep, metrics: MetricsDep
) -> dict[str, Any]:
    """A candidate is kept only when it parses, every finding it was asked to fix is gone and no new
    finding appears; ``rounds`` attempts per file. A failing model call leaves its file ``skipped``."""
    check_files(body.files, settings)
    check_model_request(body.model, body.options, settings)
    try:
        files = source_files((f.path, f.content, f.language) for f in body.files)
        message = message_from(refinement_pb2.FixRequest, body, files=files)
        response = refinement.fix(message, timeout=settings.generation_timeout_s)
    except RefinementClientError as exc:
        raise from_grpc_status(exc.status, str(exc)) from None
    fixes = [FileFix.from_dict(file_fix_to_dict(f)) for f in response.files]
    record_tokens(request, sum(f.tokens for f in fixes))
    for fix in fixes:
        metrics.findings.labels("fixes").inc(len(fix.findings))
    out = [f.to_dict() | {"fixed_code": f.fixed_code} for f in fixes]
    return {"request_id": request_id(request), "files": out, "exit_code": exit_code(fixes)}
