"""Archives through the gateway's POST /v1/scans/archive: unpacked in memory by the gateway and
scanned by the real scanner over gRPC; hostile archives are refused with the gateway's JSON error
(the scanner speaks only gRPC and never sees archive bytes)."""

from __future__ import annotations

import io
import tarfile
import uuid
import zipfile

import httpx
import pytest

from hardgen.gateway import archive
from tests.gateway.test_gateway import INSECURE, SECURE, assert_error


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
        info.external_attr = 0o120777 << 16
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
    # the gateway's scan limits (tests/gateway/conftest.py: 200 files, 4 MiB in all) bound the unpacking
    "zip too many entries": (_zip({f"f{i}.py": b"" for i in range(201)}), 413, "more than 200 entries"),
    "zip bomb": (_zip({"big.py": b"#" * (archive.MAX_UNPACKED_BYTES + 1)}), 413, "more than 4 MB"),
    "not an archive": (b"just some bytes, no archive", 400, "not a tar or zip archive"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_hostile_archive_is_rejected(http: httpx.Client, case: str) -> None:
    payload, status, message = CASES[case]
    response = http.post(
        "/v1/scans/archive", content=payload, headers={"content-type": "application/octet-stream"}, timeout=30
    )
    assert_error(response, status, "bad_request" if status == 400 else "too_large", message)


def test_many_small_tar_entries_over_the_limit(http: httpx.Client) -> None:
    members = [_file(f"d/{i}.py") for i in range(201)]
    response = http.post("/v1/scans/archive", content=_tar(members), headers={"content-type": "application/x-tar"})
    assert_error(response, 413, "too_large", "entries")


def _gzip_tar(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        for name, data in entries.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def test_tar_and_zip_archives_are_scanned(http: httpx.Client) -> None:
    unique = f"{INSECURE}\n# {uuid.uuid4()}\n".encode()
    tar_reply = http.post(
        "/v1/scans/archive",
        params={"engines": "semgrep"},
        content=_gzip_tar(
            {
                "proj/img.py": unique,
                "proj/ok.py": SECURE.encode(),
                "proj/README.md": b"# hi\n",
                "proj/logo.py": b"\x89PNG\0\0",
            }
        ),  # fmt: skip
        headers={"content-type": "application/gzip"},
    )
    assert tar_reply.status_code == 200, tar_reply.text
    data = tar_reply.json()
    assert [(f["rule_id"], f["path"]) for f in data["findings"]] == [("py/path-injection", "proj/img.py")]
    assert sorted(data["skipped"]) == ["proj/README.md: unsupported file type", "proj/logo.py: binary file"]
    assert data["files_scanned"] == 2 and data["request_id"]

    zip_reply = http.post(
        "/v1/scans/archive",
        params={"engines": "semgrep", "profile": "extended"},
        content=_zip({"src/img.py": unique}),
        headers={"content-type": "application/zip"},
    )
    assert zip_reply.status_code == 200, zip_reply.text
    zdata = zip_reply.json()
    assert [f["path"] for f in zdata["findings"] if f["rule_id"] == "py/path-injection"] == ["src/img.py"]
    assert zdata["profile"] == "extended"


def test_archive_limits_and_bad_requests(http: httpx.Client) -> None:
    big = _zip({"big.py": b"#" * (1024 * 1024 + 1)})  # over the 1 MiB a single file may have
    assert_error(http.post("/v1/scans/archive", content=big), 400, "limit_exceeded", "big.py")
    assert_error(http.post("/v1/scans/archive", content=b""), 400, "bad_request", "request body")
    assert_error(http.post("/v1/scans/archive", content=_zip({"d/": b""})), 400, "bad_request", "no regular file")
    engine = http.post("/v1/scans/archive", params={"engines": "nope"}, content=_zip({"a.py": b"x = 1\n"}))
    assert_error(engine, 400, "bad_request", "unknown engine 'nope'")
    assert http.post("/v1/scans/archive", params={"profile": "paranoid"}, content=b"x").status_code == 422


def test_sizes_are_enforced_on_bytes_read_not_headers() -> None:
    # a tar whose members together exceed the limit, each one alone below it
    data = {f"p{i}.py": b"x" * 400 for i in range(3)}
    tar = _tar([_file(name) for name in data], data)
    with pytest.raises(archive.ArchiveTooLargeError):
        archive.read_archive(tar, max_bytes=1000)
    assert len(archive.read_archive(tar, max_bytes=1200)) == 3
