"""atheris on the scanner's readers of untrusted bytes (archives, SARIF) for a few seconds each;
``make fuzz`` runs the same targets for minutes. A failure leaves the crashing input in the
test's temporary folder and prints it (libFuzzer's report)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from hardgen.core.settings import project_root

pytest.importorskip("atheris")

SECONDS = 3


@pytest.mark.parametrize("target", ["archive", "sarif"])
def test_fuzz_target_survives(target: str, tmp_path: Path) -> None:
    seeds, corpus = tmp_path / "seeds", tmp_path / "corpus"
    corpus.mkdir()
    cmd = [sys.executable, "-m", "tests.fuzz.targets"]
    subprocess.run([*cmd, "seeds", str(seeds)], cwd=project_root(), check=True, timeout=60)  # noqa: S603
    done = subprocess.run(  # noqa: S603 - our own fuzz harness
        [
            *cmd,
            target,
            f"-max_total_time={SECONDS}",
            "-rss_limit_mb=1024",
            f"-artifact_prefix={tmp_path}/",
            str(corpus),
            str(seeds),
        ],  # fmt: skip
        cwd=project_root(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    report = "\n".join(line for line in done.stderr.splitlines() if not line.startswith("INFO: Instrumenting"))
    assert done.returncode == 0, report[-3000:]
    runs = [line for line in report.splitlines() if line.startswith("Done ")]
    assert runs and int(runs[0].split()[1]) > 1000, report[-1000:]
