"""What the analytics service answers, shared by its gRPC servicer, its REST app and the CLI.

Handlers are thin: each query runs under the store's lock (DuckDB connections are not
thread-safe), and tables are recomputed on request, so a partial study always shows its latest state.
"""

from __future__ import annotations

from typing import Any

import grpc
from fastapi import FastAPI, HTTPException, Query
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response

from hardgen import __version__
from hardgen.analytics.store import Store
from hardgen.analytics.table import FORMATS
from hardgen.analytics.tables import UnknownStudyError, UnknownTableError, compute_tables, require_study
from hardgen.v1 import analytics_pb2, analytics_pb2_grpc, common_pb2

MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "json": "application/json", "markdown": "text/markdown; charset=utf-8"}


def study_summaries(store: Store) -> list[dict[str, Any]]:
    return store.query_dicts(
        """
        SELECT st.name,
               (SELECT count(*) FROM samples s WHERE s.study = st.name AND s.generated) AS samples,
               (SELECT coalesce(sum(f.count), 0) FROM findings f JOIN samples s ON s.id = f.sample_id
                 WHERE s.study = st.name AND s.generated)::BIGINT AS findings,
               strftime(st.created_at, '%Y-%m-%dT%H:%M:%SZ') AS created_at
        FROM studies st ORDER BY st.name
        """
    )


def study_progress(store: Store, study: str) -> dict[str, Any]:
    """Per cell: generated, scanned (generated and scanned) and failed (generation error) samples."""
    require_study(store, study)
    cells = store.query_dicts(
        """
        SELECT language, model, scenario, technique AS strategy,
               count(*) AS generated,
               count(*) FILTER (WHERE scanned) AS scanned,
               count(*) FILTER (WHERE coalesce(error, '') <> '') AS failed
        FROM samples WHERE study = ? AND generated
        GROUP BY ALL ORDER BY ALL
        """,
        [study],
    )
    totals = {k: sum(c[k] for c in cells) for k in ("generated", "scanned", "failed")}
    waiting = store.query("SELECT count(*) FROM samples WHERE study = ? AND NOT generated", [study])[0][0]
    return {"study": study, "cells": cells, **totals, "scans_waiting_for_sample": waiting}


def render_table(store: Store, study: str, name: str, fmt: str) -> str:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    return compute_tables(store, study, [name])[name].render(fmt)


class AnalyticsServicer(analytics_pb2_grpc.AnalyticsServicer):
    """gRPC face of the service (the gateway proxies to it)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def ListStudies(self, request: Any, context: grpc.ServicerContext) -> analytics_pb2.ListStudiesResponse:  # noqa: N802
        return analytics_pb2.ListStudiesResponse(
            studies=[analytics_pb2.StudySummary(**row) for row in study_summaries(self.store)]
        )

    def GetTable(self, request: Any, context: grpc.ServicerContext) -> analytics_pb2.GetTableResponse:  # noqa: N802
        fmt = request.format or "csv"
        try:
            content = render_table(self.store, request.study, request.name, fmt)
        except (UnknownStudyError, UnknownTableError) as exc:
            context.abort(grpc.StatusCode.NOT_FOUND, str(exc.args[0]))
        except ValueError as exc:
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, str(exc))
        return analytics_pb2.GetTableResponse(name=request.name, format=fmt, content=content)

    def StudyProgress(  # noqa: N802
        self, request: Any, context: grpc.ServicerContext
    ) -> analytics_pb2.StudyProgressResponse:
        try:
            progress = study_progress(self.store, request.study)
        except UnknownStudyError as exc:
            context.abort(grpc.StatusCode.NOT_FOUND, str(exc.args[0]))
        return analytics_pb2.StudyProgressResponse(
            cells=[analytics_pb2.CellProgress(**cell) for cell in progress["cells"]],
            generated=progress["generated"],
            scanned=progress["scanned"],
            failed=progress["failed"],
        )

    def Health(self, request: Any, context: grpc.ServicerContext) -> common_pb2.HealthResponse:  # noqa: N802
        try:
            self.store.query("SELECT 1")
        except Exception:  # noqa: BLE001 - any store failure means not serving
            return common_pb2.HealthResponse(status="NOT_SERVING", version=__version__)
        return common_pb2.HealthResponse(status="SERVING", version=__version__)


def create_app(store: Store, consumer_state: dict[str, Any] | None = None) -> FastAPI:
    """The REST face: studies, tables in three formats, the HTML report, progress and health."""
    app = FastAPI(title="hardgen analytics", version=__version__)
    state = consumer_state if consumer_state is not None else {}

    @app.get("/healthz")
    def healthz() -> JSONResponse:
        try:
            store.query("SELECT 1")
        except Exception as exc:  # noqa: BLE001
            return JSONResponse({"status": "error", "error": str(exc)}, status_code=503)
        return JSONResponse({"status": "ok", "version": __version__, **state})

    @app.get("/v1/studies")
    def studies() -> dict[str, Any]:
        return {"studies": study_summaries(store)}

    @app.get("/v1/studies/{study}/tables/{name}")
    def table(study: str, name: str, format: str = Query("json")) -> Response:  # noqa: A002
        try:
            content = render_table(store, study, name, format)
        except (UnknownStudyError, UnknownTableError) as exc:
            raise HTTPException(404, str(exc.args[0])) from None
        except ValueError as exc:
            raise HTTPException(400, str(exc)) from None
        if format == "json":
            return Response(content, media_type=MEDIA_TYPES["json"])
        return PlainTextResponse(content, media_type=MEDIA_TYPES[format])

    @app.get("/v1/studies/{study}/progress")
    def progress(study: str) -> dict[str, Any]:
        try:
            return study_progress(store, study)
        except UnknownStudyError as exc:
            raise HTTPException(404, str(exc.args[0])) from None

    @app.get("/v1/studies/{study}/report", response_class=HTMLResponse)
    def report(study: str) -> HTMLResponse:
        # matplotlib: loaded on first report only
        from hardgen.analytics.report import build_report, served_csv_href

        try:
            page, _, _ = build_report(store, study, csv_href=served_csv_href)
        except UnknownStudyError as exc:
            raise HTTPException(404, str(exc.args[0])) from None
        return HTMLResponse(page)

    return app
