"""Kubernetes manifests: every overlay renders with kustomize and validates against the schemas."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
OVERLAYS = ["dev", "gpu"]
KUBECTL = shutil.which("kubectl")
VALIDATE = Path(sys.executable).parent / "kubernetes-validate"

pytestmark = pytest.mark.skipif(KUBECTL is None, reason="kubectl not installed (scripts/setup.sh installs it)")


def render(overlay: str) -> list[dict[str, Any]]:
    result = subprocess.run(
        [str(KUBECTL), "kustomize", str(ROOT / "k8s/overlays" / overlay)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return [doc for doc in yaml.safe_load_all(result.stdout) if doc]


def by_kind(docs: list[dict[str, Any]], kind: str) -> dict[str, dict[str, Any]]:
    return {d["metadata"]["name"]: d for d in docs if d["kind"] == kind}


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_overlay_renders_and_validates_against_kubernetes_schemas(overlay: str, tmp_path: Path) -> None:
    docs = render(overlay)
    core = [d for d in docs if not d["apiVersion"].startswith("keda.sh/")]
    target = tmp_path / f"{overlay}.yaml"
    target.write_text(yaml.safe_dump_all(core))
    result = subprocess.run(
        [str(VALIDATE), "--strict", "--quiet", str(target)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_every_workload_runs_non_root_with_read_only_root(overlay: str) -> None:
    """Every pod runs non-root with a read-only root, except TGI (its image needs root; it still has
    no privilege escalation and a read-only root: tests/deploy/test_k8s_topology.py)."""
    docs = render(overlay)
    workloads = [d for d in docs if d["kind"] in {"Deployment", "StatefulSet", "Job", "CronJob"}]
    assert workloads
    for workload in workloads:
        spec = workload["spec"]["jobTemplate"]["spec"] if workload["kind"] == "CronJob" else workload["spec"]
        pod = spec["template"]["spec"]
        containers = pod.get("initContainers", []) + pod["containers"]
        if workload["metadata"]["name"] != "tgi":
            assert pod["securityContext"]["runAsNonRoot"] is True, workload["metadata"]["name"]
        for container in containers:
            assert container["securityContext"]["readOnlyRootFilesystem"] is True
            assert container["securityContext"]["allowPrivilegeEscalation"] is False


def test_each_service_has_a_deployment_and_a_service() -> None:
    docs = render("dev")
    deployments, services = by_kind(docs, "Deployment"), by_kind(docs, "Service")
    for name in ("gateway", "refinement", "scanner", "analytics", "modelserve"):
        assert name in deployments and name in services
    assert "refinement-worker" in deployments
    assert "nats" in by_kind(docs, "StatefulSet")
    assert "hardgen-study" in by_kind(docs, "CronJob")


def test_only_the_gateway_is_reachable_from_outside() -> None:
    policies = by_kind(render("dev"), "NetworkPolicy")
    assert policies["default-deny-ingress"]["spec"]["podSelector"] == {}
    public = [p for p in policies.values() if any("from" not in rule for rule in p["spec"].get("ingress", []))]
    assert [p["metadata"]["name"] for p in public] == ["gateway-public"]


def test_gpu_overlay_puts_tgi_and_modelserve_on_the_gpu_pool() -> None:
    deployments = by_kind(render("gpu"), "Deployment")
    for name in ("tgi", "modelserve"):
        pod = deployments[name]["spec"]["template"]["spec"]
        assert pod["nodeSelector"] == {"hardgen.dev/pool": "gpu"}
        assert any(t["key"] == "nvidia.com/gpu" for t in pod["tolerations"])
        assert "nvidia.com/gpu" in pod["containers"][0]["resources"]["limits"]
    env = {e["name"] for e in deployments["tgi"]["spec"]["template"]["spec"]["containers"][0]["env"]}
    assert "LORA_ADAPTERS" in env
    assert deployments["modelserve"]["spec"]["template"]["spec"]["containers"][0]["image"].startswith(
        "hardgen/modelserve:"
    )


def test_workers_scale_on_jetstream_lag_with_keda_and_on_cpu_without() -> None:
    gpu = render("gpu")
    scaled = by_kind(gpu, "ScaledObject")
    assert scaled["refinement-worker"]["spec"]["triggers"][0]["type"] == "nats-jetstream"
    dev = render("dev")
    assert not by_kind(dev, "ScaledObject")
    assert {"refinement-worker", "scanner", "gateway"} <= set(by_kind(dev, "HorizontalPodAutoscaler"))
    assert {"gateway", "scanner", "nats"} <= set(by_kind(dev, "PodDisruptionBudget"))


def test_api_keys_come_from_an_optional_secret_that_is_not_rendered() -> None:
    docs = render("dev")
    assert "hardgen-api-keys" not in by_kind(docs, "Secret")
    worker = by_kind(docs, "Deployment")["refinement-worker"]["spec"]["template"]["spec"]["containers"][0]
    refs = {e["name"]: e["valueFrom"]["secretKeyRef"] for e in worker["env"]}
    assert refs["OPENAI_API_KEY"] == {"name": "hardgen-api-keys", "key": "OPENAI_API_KEY", "optional": True}
