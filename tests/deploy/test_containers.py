"""Dockerfiles and docker-compose: linted and checked without a Docker engine (none runs here)."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILES = sorted((ROOT / "deploy").glob("*.Dockerfile"))
SERVICES = {"gateway", "refinement", "scanner", "analytics", "modelserve"}
HADOLINT = Path(sys.executable).parent / "hadolint"


def test_one_dockerfile_per_service_plus_cpu_variant_and_the_shared_base() -> None:
    names = {p.name.removesuffix(".Dockerfile") for p in DOCKERFILES}
    assert names == SERVICES | {"modelserve-cpu", "base"}


@pytest.mark.parametrize("dockerfile", DOCKERFILES, ids=lambda p: p.name)
def test_hadolint_passes(dockerfile: Path) -> None:
    result = subprocess.run(
        [str(HADOLINT), "--config", str(ROOT / ".hadolint.yaml"), str(dockerfile)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("dockerfile", DOCKERFILES, ids=lambda p: p.name)
def test_images_keep_build_tools_out_run_non_root_pinned_and_healthchecked(dockerfile: Path) -> None:
    """Either multi-stage, or FROM the shared hardgen/base (itself multi-stage) adding one package
    layer and removing its sources in the same step."""
    text = dockerfile.read_text()
    from_base = re.search(r"^ARG BASE_IMAGE=hardgen/base:", text, re.MULTILINE) is not None
    if from_base:
        assert re.search(r"pip install --no-cache-dir --no-deps /src && rm -rf /src", text)
    else:
        assert len(re.findall(r"^FROM ", text, re.MULTILINE)) >= 2, "multi-stage build"
    for image in re.findall(r"^ARG \w+_IMAGE=(\S+)", text, re.MULTILINE):
        tag = image.rsplit(":", 1)[-1]
        assert re.search(r"\d+\.\d+", tag) or image.startswith("hardgen/base:"), f"base image {image} is not pinned"
    final_stage = text.rsplit("\nFROM ", 1)[-1]
    assert re.search(r"^USER 10001", final_stage, re.MULTILINE), "final stage runs as non-root"
    if dockerfile.name != "base.Dockerfile":
        assert "HEALTHCHECK --" in final_stage


def test_the_base_creates_the_mount_points_for_user_10001_and_a_writable_home() -> None:
    text = (ROOT / "deploy/base.Dockerfile").read_text()
    assert "mkdir -p /app /data /models" in text and "chown 10001:10001 /data /models" in text
    assert re.search(r"HOME=/tmp", text)
    gpu = (ROOT / "deploy/modelserve.Dockerfile").read_text()  # not FROM the base: same guarantees
    assert "chown 10001:10001 /data /models" in gpu and "HOME=/tmp" in gpu


@pytest.mark.parametrize("dockerfile", DOCKERFILES, ids=lambda p: p.name)
def test_entrypoint_modules_exist(dockerfile: Path) -> None:
    """Every `python -m hardgen.X` an image runs must be a module of the package."""
    for module in set(re.findall(r'"-m", "(hardgen[\w.]*)"', dockerfile.read_text())):
        spec = importlib.util.find_spec(module)
        assert spec is not None, f"{dockerfile.name}: no module {module}"
        if spec.submodule_search_locations is not None:  # a package runs through its __main__
            assert importlib.util.find_spec(f"{module}.__main__") is not None, f"{module} has no __main__"


def _compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_builds_every_service_from_an_existing_dockerfile() -> None:
    services = _compose()["services"]
    assert {"nats", "gateway", "refinement", "refinement-worker", "scanner", "analytics", "modelserve", "tgi"} <= set(
        services
    )
    for name, service in services.items():
        build = service.get("build")
        if build:
            assert (ROOT / build["context"]).is_dir(), name
            assert (ROOT / build["context"] / build["dockerfile"]).is_file(), name


def test_compose_publishes_only_the_gateway_and_every_service_has_a_healthcheck() -> None:
    """Refinement holds the provider keys and has no auth: nothing but the gateway may be published."""
    services = _compose()["services"]
    published = {name: s["ports"] for name, s in services.items() if s.get("ports")}
    assert set(published) == {"gateway"}
    assert published["gateway"][0].startswith("${HARDGEN_GATEWAY_BIND:-127.0.0.1}:")
    assert all("healthcheck" in s for s in services.values()), [
        n for n, s in services.items() if "healthcheck" not in s
    ]


def test_compose_runs_hardgen_containers_as_kubernetes_does() -> None:
    for name, service in _compose()["services"].items():
        if str(service.get("image", "")).startswith("hardgen/"):
            assert service["user"] == "10001:10001" and service["read_only"] is True, name
            assert "/tmp" in service["tmpfs"], name


def test_compose_builds_the_demo_model_before_modelserve_serves_it() -> None:
    services = _compose()["services"]
    assert services["modelserve"]["depends_on"]["modelserve-init"] == {"condition": "service_completed_successfully"}
    init = services["modelserve-init"]
    assert init["command"][:3] == ["hardgen", "model", "build-demo"]
    assert "models:/models" in init["volumes"] and "models:/models" in services["modelserve"]["volumes"]


def test_compose_uses_jetstream_with_a_volume_and_a_gpu_profile_for_tgi() -> None:
    compose = _compose()
    nats = compose["services"]["nats"]
    assert "-js" in nats["command"] and any(v.endswith(":/data") for v in nats["volumes"])
    tgi = compose["services"]["tgi"]
    assert tgi["profiles"] == ["gpu"]
    assert tgi["deploy"]["resources"]["reservations"]["devices"][0]["capabilities"] == ["gpu"]
    assert "LORA_ADAPTERS" in tgi["environment"]


def test_compose_takes_keys_from_the_environment_not_the_file() -> None:
    text = (ROOT / "docker-compose.yml").read_text()
    for key in ("OPENAI_API_KEY", "GEMINI_API_KEY"):
        for value in re.findall(rf"{key}: (.*)", text):
            assert value.strip().startswith("${"), f"{key} must come from the environment"
