"""Small podman helpers for the image, kube-play and compose tests (real containers, no mocks).

The images are built once per session by ``scripts/images.sh`` (shared base, cached layers); where
podman cannot run at all (no root, no apt-get, a kernel without namespaces) the tests skip with the
reason instead of failing, and ``make images-test`` prints it loudly."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import uuid
import warnings
from collections.abc import Sequence
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TAG = "dev"
SERVICE_IMAGES = ("gateway", "refinement", "scanner", "analytics", "modelserve-cpu")
#: How Kubernetes runs every hardgen pod (k8s/base): uid 10001, read-only root, tmpfs /tmp, no
#: capabilities, no privilege escalation. --network none: the container's own loopback only, so
#: fixed service ports never clash with the host's.
K8S_LIKE = (
    "--user", "10001:10001", "--read-only", "--tmpfs", "/tmp:rw,mode=1777",
    "--cap-drop", "ALL", "--security-opt", "no-new-privileges",
)  # fmt: skip
UNAVAILABLE_EXIT = 3  # scripts/podman_setup.sh: podman cannot run here


def podman(*args: str, timeout: float = 300, check: bool = True, **kwargs: object) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(["podman", *args], capture_output=True, text=True, timeout=timeout, **kwargs)  # type: ignore[call-overload]
    if check and result.returncode != 0:
        raise AssertionError(f"podman {' '.join(args[:3])} ... exited {result.returncode}: {result.stderr[-2000:]}")
    return result  # type: ignore[no-any-return]


def build_images(images: Sequence[str] = SERVICE_IMAGES) -> None:
    """Build (or reuse from the layer cache) the images; skip the test when podman cannot run.
    HARDGEN_IMAGES_BUILT=1 uses the images already there (a rerun right after `make images`)."""
    if os.environ.get("HARDGEN_IMAGES_BUILT") == "1":
        missing = [name for name in images if podman("image", "exists", image(name), check=False).returncode != 0]
        assert not missing, f"HARDGEN_IMAGES_BUILT=1 but not built: {missing}"
        return
    result = subprocess.run(
        ["bash", str(ROOT / "scripts/images.sh"), *images],
        capture_output=True, text=True, timeout=3000, cwd=ROOT,
    )  # fmt: skip
    if result.returncode == UNAVAILABLE_EXIT:
        reason = result.stderr.strip().splitlines()[-1] if result.stderr.strip() else "no reason given"
        warnings.warn(f"PODMAN CANNOT RUN HERE: image, kube play and compose tests skipped ({reason})", stacklevel=2)
        pytest.skip(f"PODMAN CANNOT RUN HERE, image tests skipped: {result.stderr.strip().splitlines()[-1]}")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


def image(name: str) -> str:
    return f"hardgen/{name}:{TAG}"


def unique(prefix: str) -> str:
    return f"hgtest-{prefix}-{uuid.uuid4().hex[:8]}"


def wait_healthy(container: str, timeout: float) -> None:
    """Run the image's own HEALTHCHECK (what Docker and the k8s probes run) until it passes."""
    deadline = time.monotonic() + timeout
    last = ""
    while time.monotonic() < deadline:
        state = podman("inspect", "--format", "{{.State.Status}}", container, check=False).stdout.strip()
        if state not in {"running", "created", "configured"}:
            logs = podman("logs", "--tail", "20", container, check=False)
            raise AssertionError(f"{container} is {state}: {logs.stdout[-1500:]}{logs.stderr[-1500:]}")
        probe = podman("healthcheck", "run", container, check=False, timeout=60)
        if probe.returncode == 0:
            return
        last = probe.stdout + probe.stderr
        time.sleep(2)
    logs = podman("logs", "--tail", "20", container, check=False)
    raise AssertionError(f"{container} not healthy in {timeout:.0f} s: {last[-500:]} / {logs.stderr[-1500:]}")


def remove(*containers: str, volumes: Sequence[str] = ()) -> None:
    for name in containers:
        podman("rm", "--force", "--time", "2", name, check=False)
    for volume in volumes:
        podman("volume", "rm", "--force", volume, check=False)


def have_podman() -> bool:
    return shutil.which("podman") is not None or (os.geteuid() == 0 and shutil.which("apt-get") is not None)
