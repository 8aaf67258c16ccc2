"""What the analytics service answers, shared by its gRPC servicer and the CLI.

gRPC is the service's only protocol: people and scripts reach the same answers over REST at the
gateway (``/v1/studies/...``), which calls these RPCs.

Handlers are thin: each query runs under the store's lock (DuckDB connections are not
thread-safe), and tables are recomputed on request, so a partial study always shows its latest state.
"""

from __future__ import annotations

from typing import Any

import grpc

from hardgen import __version__
from hardgen.analytics.store import Store
from hardgen.analytics.table import FORMATS
from hardgen.analytics.tables import UnknownStudyError, UnknownTableError, compute_tables, require_study
from hardgen.v1 import analytics_pb2, analytics_pb2_grpc, common_pb2


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
    """The service's one face (the gateway and the CLI's study status call it)."""

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

    def GetReport(self, request: Any, context: grpc.ServicerContext) -> analytics_pb2.GetReportResponse:  # noqa: N802
        # matplotlib: loaded on the first report only
        from hardgen.analytics.report import build_report, served_csv_href

        try:
            page, _, _ = build_report(self.store, request.study, csv_href=served_csv_href)
        except UnknownStudyError as exc:
            context.abort(grpc.StatusCode.NOT_FOUND, str(exc.args[0]))
        return analytics_pb2.GetReportResponse(html=page)

    def Health(self, request: Any, context: grpc.ServicerContext) -> common_pb2.HealthResponse:  # noqa: N802
        try:
            self.store.query("SELECT 1")
        except Exception:  # noqa: BLE001 - any store failure means not serving
            return common_pb2.HealthResponse(status="NOT_SERVING", version=__version__)
        return common_pb2.HealthResponse(status="SERVING", version=__version__)
