"""The images, built and run the way Kubernetes runs them (issue 12): read-only root, uid 10001,
tmpfs /tmp, a fresh volume on each declared mount point; each must reach healthy through its own
HEALTHCHECK. The scanner image scans a mounted folder with every engine; the CPU modelserve image
carries no CUDA wheel. Build times and sizes: `make images` prints them (docs/deploy.md)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.deploy.containers import (
    K8S_LIKE,
    ROOT,
    SERVICE_IMAGES,
    image,
    podman,
    remove,
    unique,
    wait_healthy,
)

pytestmark = [pytest.mark.slow, pytest.mark.timeout(3600)]

#: The declared volumes of each image (k8s/base and docker-compose.yml mount these).
VOLUMES = {
    "gateway": ["/data"],
    "refinement": ["/data"],
    "scanner": ["/data"],
    "analytics": ["/data"],
    "modelserve-cpu": ["/models"],
}


@pytest.fixture(scope="module")
def demo_models(built: None) -> Iterator[str]:
    """A volume holding the demo model, built by a one-shot container as compose and the k8s init
    container do (four steps: the model's quality is not what these tests look at)."""
    volume = unique("models")
    podman("volume", "create", volume)
    try:
        podman("run", "--rm", *K8S_LIKE, "--network", "none", "-v", f"{volume}:/models",
               image("modelserve-cpu"), "hardgen", "model", "build-demo", "--steps", "4", "--format", "json",
               timeout=900)  # fmt: skip
        yield volume
    finally:
        podman("volume", "rm", "--force", volume, check=False)


@pytest.mark.parametrize("name", SERVICE_IMAGES)
def test_mount_points_exist_in_the_image_owned_by_10001(built: None, name: str) -> None:
    """Docker gives a fresh named volume the owner of the image's folder: a missing or root-owned
    /data or /models leaves user 10001 unable to write its database, cache or models."""
    script = "import os, sys\nfor p in sys.argv[1:]:\n    s = os.stat(p)\n    print(p, s.st_uid, s.st_gid)"
    result = podman("run", "--rm", "--network", "none", image(name), "python", "-c", script, "/data", "/models")
    owners = {line.split()[0]: tuple(map(int, line.split()[1:])) for line in result.stdout.splitlines()}
    assert owners == {"/data": (10001, 10001), "/models": (10001, 10001)}


@pytest.mark.parametrize("name", ["gateway", "refinement", "scanner", "analytics"])
def test_image_runs_read_only_as_10001_until_healthy(built: None, name: str) -> None:
    container, volumes = unique(name), [unique(f"{name}-vol") for _ in VOLUMES[name]]
    mounts = [arg for vol, path in zip(volumes, VOLUMES[name], strict=True) for arg in ("-v", f"{vol}:{path}")]
    try:
        podman("run", "-d", "--name", container, *K8S_LIKE, "--network", "none", *mounts, image(name))
        wait_healthy(container, timeout=120)
        whoami = podman("exec", container, "python", "-c", "import os; print(os.getuid(), os.getgid())").stdout.split()
        assert whoami == ["10001", "10001"]
    finally:
        remove(container, volumes=volumes)


def test_modelserve_serves_the_demo_model_its_one_shot_container_built(demo_models: str) -> None:
    container = unique("modelserve")
    try:
        podman("run", "-d", "--name", container, *K8S_LIKE, "--network", "none", "-v", f"{demo_models}:/models",
               image("modelserve-cpu"))  # fmt: skip
        wait_healthy(container, timeout=240)
        probe = "import urllib.request; print(urllib.request.urlopen('http://127.0.0.1:8083/info').read().decode())"
        info = json.loads(podman("exec", container, "python", "-c", probe).stdout)
        assert "demo" in json.dumps(info)  # the model the one-shot container built
    finally:
        remove(container)


def test_modelserve_without_the_demo_model_says_so_and_exits_2(built: None) -> None:
    volume = unique("empty-models")
    try:
        result = podman("run", "--rm", *K8S_LIKE, "--network", "none", "-v", f"{volume}:/models",
                        image("modelserve-cpu"), check=False, timeout=300)  # fmt: skip
        assert result.returncode == 2
        assert "demo" in result.stderr.strip().splitlines()[-1]
    finally:
        podman("volume", "rm", "--force", volume, check=False)


def test_cpu_modelserve_image_ships_cpu_torch_only(built: None) -> None:
    script = (
        "import json, torch, importlib.metadata as m\n"
        "names = sorted(d.metadata['Name'] for d in m.distributions())\n"
        "print(json.dumps({'cuda': torch.version.cuda, 'nvidia': [n for n in names if n.lower().startswith('nvidia')],"
        " 'semgrep': 'semgrep' in names, 'bitsandbytes': 'bitsandbytes' in names}))"
    )
    result = podman("run", "--rm", "--network", "none", image("modelserve-cpu"), "python", "-c", script)
    found = json.loads(result.stdout)
    assert found == {"cuda": None, "nvidia": [], "semgrep": False, "bitsandbytes": True}


#: Bandit's own finding: Semgrep's pack has no tar-slip rule, so the merge keeps it (where both
#: engines report one weakness on one line, the Semgrep finding is the one kept).
LEGACY_PY = """import tarfile


def unpack(path):
    with tarfile.open(path) as archive:
        archive.extractall("out")
"""


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    """A folder the container reads, with a finding only each engine makes: a corpus reference for
    Semgrep, a tar slip for Bandit, the weak-hash fixture of the Go AST checks for gocustom."""
    folder = tmp_path / "src"
    folder.mkdir()
    shutil.copy(ROOT / "scenarios/08-command-injection/python/completions/insecure_os_system_redirect.py", folder)
    shutil.copy(ROOT / "services/hardgen/scanner/engines/gocustom/checks/weak_hash.go", folder)
    (folder / "legacy.py").write_text(LEGACY_PY)
    folder.chmod(0o755)
    return folder


def test_scanner_container_scans_a_mounted_folder_into_sarif_with_every_engine(built: None, sources: Path,
                                                                               tmp_path: Path) -> None:  # fmt: skip
    """As the k8s pod ran it before the fix: read-only root with HOME on it (Semgrep then died writing
    ~/.semgrep and the report silently held Bandit's findings only) and no cache volume."""
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o777)
    result = podman("run", "--rm", *K8S_LIKE, "--network", "none", "-e", "HOME=/app",
                    "-v", f"{sources}:/src:ro", "-v", f"{out}:/out", image("scanner"),
                    "hardgen", "scan", "/src", "--engine", "semgrep,bandit,gocustom", "--format", "sarif",
                    "--output", "/out/report.sarif", "--fail-on", "none", check=False, timeout=600)  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    sarif = json.loads((out / "report.sarif").read_text())
    assert sarif["version"] == "2.1.0"
    results = [r for run in sarif["runs"] for r in run["results"]]
    found = {(r["properties"]["engine"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
             for r in results}  # fmt: skip
    expected = {("semgrep", "insecure_os_system_redirect.py"), ("bandit", "legacy.py"), ("gocustom", "weak_hash.go")}
    assert expected <= found
    assert all(run["invocations"][0]["executionSuccessful"] for run in sarif["runs"])
