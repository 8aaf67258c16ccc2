"""Rendered Deployments run under `podman kube play` (issue 12): the dev overlay's analytics,
scanner and gateway, with their ConfigMap, security contexts (uid 10001, read-only root), emptyDir
and claim volumes, until their own readiness probe answers. No cluster exists here; this is the
closest real run of the manifests themselves."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
import yaml

from tests.deploy.containers import podman
from tests.deploy.test_k8s import KUBECTL, by_kind, render

pytestmark = [
    pytest.mark.slow,
    pytest.mark.timeout(3600),
    pytest.mark.skipif(KUBECTL is None, reason="kubectl not installed (scripts/setup.sh installs it)"),
]


def _probe_command(container: dict[str, object]) -> list[str]:
    """The readiness probe as a command run inside the pod (kube play does not run probes)."""
    probe = container["readinessProbe"]
    assert isinstance(probe, dict)
    if "exec" in probe:
        return list(probe["exec"]["command"])
    port = probe["httpGet"]["port"]
    ports = {p["name"]: p["containerPort"] for p in container["ports"]}  # type: ignore[attr-defined]
    number = ports.get(port, port)
    return ["python", "-m", "hardgen.core.healthcheck", f"http://127.0.0.1:{number}{probe['httpGet']['path']}"]


@pytest.mark.parametrize("name", ["analytics", "scanner", "gateway"])
def test_rendered_deployment_runs_under_podman_kube_play(built: None, name: str, tmp_path: Path) -> None:
    docs = render("dev")
    deployment = by_kind(docs, "Deployment")[name]
    manifest = tmp_path / f"{name}.yaml"
    manifest.write_text(yaml.safe_dump(deployment))
    config = tmp_path / "config.yaml"
    config.write_text(yaml.safe_dump(by_kind(docs, "ConfigMap")["hardgen-config"]))
    spec = deployment["spec"]["template"]["spec"]
    container_spec = spec["containers"][0]
    claims = [v["persistentVolumeClaim"]["claimName"] for v in spec["volumes"] if "persistentVolumeClaim" in v]
    secrets = [v["secret"]["secretName"] for v in spec["volumes"] if "secret" in v]
    podman("kube", "down", str(manifest), check=False)
    for secret in secrets:  # podman 4.3 ignores `optional: true` and refuses to start without the secret
        store = tmp_path / f"{secret}.yaml"
        empty = {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": secret}, "data": {}}
        store.write_text(yaml.safe_dump(empty))
        podman("secret", "rm", secret, check=False)
        podman("secret", "create", secret, str(store))
    try:
        # the pod gets its own network namespace on podman's bridge: fixed ports never meet the host's
        podman("kube", "play", "--configmap", str(config), str(manifest), timeout=300)
        pods = json.loads(podman("pod", "ps", "--format", "json", "--filter", f"name=^{name}-pod").stdout)
        assert len(pods) == 1, f"kube play made {len(pods)} pods for {name}"
        names = podman("ps", "-a", "--filter", f"pod={pods[0]['Id']}", "--format", "{{.Names}}").stdout.split()
        running = [n for n in names if n.endswith(f"-{container_spec['name']}")]
        assert len(running) == 1, names
        container = running[0]
        probe = _probe_command(container_spec)
        deadline, last = time.monotonic() + 120, ""
        while time.monotonic() < deadline:
            answer = podman("exec", container, *probe, check=False, timeout=60)
            if answer.returncode == 0:
                break
            last = answer.stdout + answer.stderr
            time.sleep(2)
        else:
            logs = podman("logs", "--tail", "20", container, check=False)
            pytest.fail(f"{name} never ready under kube play: {last[-400:]} / {logs.stderr[-1500:]}")
        ids = podman("exec", container, "python", "-c", "import os; print(os.getuid(), os.getgid())").stdout.split()
        assert ids == ["10001", "10001"]
        write_root = podman("exec", container, "python", "-c", "open('/app/x', 'w')", check=False)
        assert write_root.returncode != 0 and "Read-only file system" in write_root.stderr
        env = podman("exec", container, "python", "-c", "import os; print(os.environ['HARDGEN_SCANNER_ADDR'])")
        assert env.stdout.strip() == "scanner:50051"  # envFrom the rendered ConfigMap
    finally:
        podman("kube", "down", str(manifest), check=False)
        for claim in claims:
            podman("volume", "rm", "--force", claim, check=False)
        for secret in secrets:
            podman("secret", "rm", secret, check=False)
