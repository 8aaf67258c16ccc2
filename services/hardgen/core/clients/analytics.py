"""gRPC client of the analytics service (tables, studies, progress, report), with a deadline on every call.

The analytics service speaks only gRPC; the gateway's study routes and the study status
(:mod:`hardgen.core.progress`) reach it through this client."""

from __future__ import annotations

import grpc

from hardgen.core.clients.base import GrpcClient
from hardgen.v1 import analytics_pb2, analytics_pb2_grpc, common_pb2

DEFAULT_TIMEOUT = 60.0


class AnalyticsClientError(RuntimeError):
    """The analytics service could not answer; the message says why and where."""


class AnalyticsNotFoundError(AnalyticsClientError):
    """Unknown study or table."""


class AnalyticsClient(GrpcClient):
    """``AnalyticsClient("127.0.0.1:50054").get_table("demo", "prevalence", "csv")`` → the CSV text."""

    service = "analytics"
    stub_class = analytics_pb2_grpc.AnalyticsStub
    default_timeout = DEFAULT_TIMEOUT

    def list_studies(self, timeout: float | None = None) -> list[analytics_pb2.StudySummary]:
        response = self._call(self._stub.ListStudies, analytics_pb2.ListStudiesRequest(), timeout)
        return list(response.studies)

    def get_table(self, study: str, name: str, fmt: str = "csv", timeout: float | None = None) -> str:
        request = analytics_pb2.GetTableRequest(study=study, name=name, format=fmt)
        return str(self._call(self._stub.GetTable, request, timeout).content)

    def progress(self, study: str, timeout: float | None = None) -> analytics_pb2.StudyProgressResponse:
        response: analytics_pb2.StudyProgressResponse = self._call(
            self._stub.StudyProgress, analytics_pb2.StudyProgressRequest(study=study), timeout
        )
        return response

    def get_report(self, study: str, timeout: float | None = None) -> str:
        """The study's self-contained HTML report; figures are embedded, so the reply can be a few
        MB (within :data:`hardgen.core.grpcutil.MAX_MESSAGE_BYTES`)."""
        request = analytics_pb2.GetReportRequest(study=study)
        return str(self._call(self._stub.GetReport, request, timeout).html)

    def health(self, timeout: float = 5.0) -> common_pb2.HealthResponse:
        response: common_pb2.HealthResponse = self._call(self._stub.Health, common_pb2.HealthRequest(), timeout)
        return response

    def _error(self, code: grpc.StatusCode | None, details: str, deadline: float) -> AnalyticsClientError:
        if code == grpc.StatusCode.NOT_FOUND:
            return AnalyticsNotFoundError(details)
        if code == grpc.StatusCode.UNAVAILABLE:
            return AnalyticsClientError(f"analytics at {self.address} is unreachable: {details}")
        if code == grpc.StatusCode.DEADLINE_EXCEEDED:
            return AnalyticsClientError(f"analytics at {self.address} did not answer within {deadline:.1f}s")
        return AnalyticsClientError(f"analytics at {self.address} failed ({code}): {details}")
