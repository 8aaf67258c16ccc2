"""The committed gRPC stubs must match proto/: regenerate with `make proto`."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest


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


@pytest.mark.parametrize(
    ("stub", "service", "implementation"),
    [
        ("scanner_pb2", "Scanner", "hardgen.scanner.service:ScannerServicer"),
        ("refinement_pb2", "Refinement", "hardgen.refinement.server:RefinementServicer"),
        ("modelserve_pb2", "ModelServe", "hardgen.modelserve.grpc_api:ModelServeServicer"),
        ("analytics_pb2", "Analytics", "hardgen.analytics.service:AnalyticsServicer"),
    ],
)
def test_every_rpc_of_a_contract_is_implemented(stub: str, service: str, implementation: str) -> None:
    """An RPC in proto/ that its service does not override answers UNIMPLEMENTED to every caller."""
    module_name, class_name = implementation.split(":")
    descriptor = importlib.import_module(f"hardgen.v1.{stub}").DESCRIPTOR.services_by_name[service]
    servicer = getattr(importlib.import_module(module_name), class_name)
    generated = servicer.__mro__[1]  # the *_pb2_grpc base, whose methods all answer UNIMPLEMENTED
    missing = [
        name for name in descriptor.methods_by_name if getattr(servicer, name) is getattr(generated, name, None)
    ]
    assert not missing, f"{class_name} leaves {missing} UNIMPLEMENTED"


def test_the_event_contract_has_the_pipeline_messages() -> None:
    from hardgen.v1 import events_pb2

    assert {"WorkItem", "SampleGenerated", "ScanCompleted", "FineTuneWork"} <= set(
        events_pb2.DESCRIPTOR.message_types_by_name
    )
