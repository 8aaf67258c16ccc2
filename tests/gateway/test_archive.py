"""Hostile archives uploaded to REST /v1/scans are refused with a clear JSON error."""

from __future__ import annotations

import io
import tarfile
import zipfile

import httpx
import pytest

from hardgen.scanner import archive


def _tar(members: list[tarfile.TarInfo], data: dict[str, bytes] | None = None) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as tar:
        for info in members:
            payload = (data or {}).get(info.name, b"")
            if info.isfile():
                info.size = len(payload)
            tar.addfile(info, io.BytesIO(payload) if info.isfile() else None)
    return buffer.getvalue()


def _file(name: str) -> tarfile.TarInfo:
    return tarfile.TarInfo(name)


def _link(name: str, target: str, kind: bytes) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type = kind
    info.linkname = target
    return info


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, payload in entries.items():
            zf.writestr(name, payload)
    return buffer.getvalue()


def _zip_symlink() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        info = zipfile.ZipInfo("src/passwd.py")
        info.external_attr = (0o120777 << 16)
        zf.writestr(info, "/etc/passwd")
    return buffer.getvalue()


CASES = {
    "tar traversal": (_tar([_file("../../etc/cron.py")]), 400, "path traversal"),
    "tar absolute": (_tar([_file("/etc/app.py")]), 400, "absolute path"),
    "tar symlink": (_tar([_link("src/a.py", "/etc/passwd", tarfile.SYMTYPE)]), 400, "link"),
    "tar hardlink": (_tar([_link("src/a.py", "/etc/passwd", tarfile.LNKTYPE)]), 400, "link"),
    "tar device": (_tar([_link("src/dev", "", tarfile.CHRTYPE)]), 400, "not a regular file"),
    "zip traversal": (_zip({"a/../../x.py": b"x=1\n"}), 400, "path traversal"),
    "zip absolute": (_zip({"/tmp/x.py": b"x=1\n"}), 400, "absolute path"),
    "zip windows drive": (_zip({"C:/x.py": b"x=1\n"}), 400, "absolute path"),
    "zip symlink": (_zip_symlink(), 400, "link"),
    "zip too many entries": (_zip({f"f{i}.py": b"" for i in range(archive.MAX_ENTRIES + 1)}), 413, "10000 entries"),
    "zip bomb": (_zip({"big.py": b"#" * (archive.MAX_UNPACKED_BYTES + 1)}), 413, "more than 50 MB"),
    "not an archive": (b"just some bytes, no archive", 400, "not a tar or zip archive"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_hostile_archive_is_rejected(scanner_service: dict[str, str], case: str) -> None:
    payload, status, message = CASES[case]
    response = httpx.post(
        f"{scanner_service['http']}/v1/scans",
        content=payload,
        headers={"content-type": "application/octet-stream"},
        timeout=30,
    )
    assert response.status_code == status
    body = response.json()
    assert body["status"] == status and message in body["error"]


def test_many_small_tar_entries_over_the_limit(scanner_service: dict[str, str]) -> None:
    members = [_file(f"d/{i}.py") for i in range(archive.MAX_ENTRIES + 1)]
    response = httpx.post(
        f"{scanner_service['http']}/v1/scans",
        content=_tar(members),
        headers={"content-type": "application/x-tar"},
        timeout=30,
    )
    assert response.status_code == 413 and "entries" in response.json()["error"]


def test_sizes_are_enforced_on_bytes_read_not_headers() -> None:
    # a tar whose members together exceed the limit, each one alone below it
    data = {f"p{i}.py": b"x" * 400 for i in range(3)}
    tar = _tar([_file(name) for name in data], data)
    with pytest.raises(archive.ArchiveTooLargeError):
        archive.read_archive(tar, max_bytes=1000)
    assert len(archive.read_archive(tar, max_bytes=1200)) == 3
