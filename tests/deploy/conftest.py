"""Fixtures shared by the tests that run real containers (images, kube play, compose)."""

from __future__ import annotations

import pytest

from tests.deploy.containers import build_images


@pytest.fixture(scope="session")
def built() -> None:
    """Every CPU image, built once per session by scripts/images.sh (cached layers are reused)."""
    build_images()
