"""The committed gRPC stubs must match proto/: regenerate with `make proto`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_committed_stubs_are_up_to_date(repo_root: Path, tmp_path: Path) -> None:
    subprocess.run(
        ["bash", str(repo_root / "scripts/gen_proto.sh"), str(tmp_path)],
        check=True,
        env={"PYTHON": sys.executable, "PATH": "/usr/bin:/bin"},
    )
    generated = sorted(p.relative_to(tmp_path) for p in (tmp_path / "hardgen/v1").glob("*_pb2*.py*"))
    assert generated, "no stubs generated"
    stale = [
        str(rel) for rel in generated if (tmp_path / rel).read_bytes() != (repo_root / "services" / rel).read_bytes()
    ]
    assert not stale, f"stale stubs (run `make proto`): {stale}"


def test_every_service_contract_has_a_stub() -> None:
    from hardgen.v1 import (
        analytics_pb2_grpc,
        events_pb2,
        modelserve_pb2_grpc,
        refinement_pb2_grpc,
        scanner_pb2_grpc,
    )

    assert hasattr(scanner_pb2_grpc, "ScannerServicer")
    assert hasattr(refinement_pb2_grpc, "RefinementServicer")
    assert hasattr(modelserve_pb2_grpc, "ModelServeServicer")
    assert hasattr(analytics_pb2_grpc, "AnalyticsServicer")
    assert {"WorkItem", "SampleGenerated", "ScanCompleted"} <= set(events_pb2.DESCRIPTOR.message_types_by_name)
