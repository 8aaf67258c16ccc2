"""Safe reading of uploaded tar/zip archives (``POST /v1/scans/archive``) into in-memory files.

The gateway unpacks an archive and sends its files to the scanner over gRPC, so the scanner never
sees untrusted archive bytes. Nothing is extracted to disk and nothing is executed. Rejected with a
clear error: path traversal (``..``), absolute names, symbolic or hard links and special files
(400), more than :data:`MAX_ENTRIES` entries or more than :data:`MAX_UNPACKED_BYTES` unpacked (413;
the route passes its own, smaller scan limits). Sizes are enforced on the bytes actually read, not
only on what the archive headers claim."""

from __future__ import annotations

import io
import lzma
import stat
import tarfile
import zipfile
import zlib
from pathlib import PurePosixPath
from typing import NamedTuple

MAX_ENTRIES = 10_000
MAX_UNPACKED_BYTES = 50 * 1024 * 1024


class ArchiveFile(NamedTuple):
    """One regular file of an archive: its relative '/' path and its bytes."""

    path: str
    content: bytes


class ArchiveError(ValueError):
    """An archive that is refused; ``status`` is the HTTP status the gateway answers with."""

    status = 400


class ArchiveTooLargeError(ArchiveError):
    status = 413


def check_member_name(name: str) -> str:
    """The member's relative '/' path, or :class:`ArchiveError` for absolute or escaping names."""
    text = name.replace("\\", "/")
    if text.startswith("/") or (len(text) > 1 and text[1] == ":"):
        raise ArchiveError(f"archive entry {name!r} has an absolute path")
    parts = [p for p in PurePosixPath(text).parts if p not in ("", ".")]
    if ".." in parts:
        raise ArchiveError(f"archive entry {name!r} escapes the archive root (path traversal)")
    if not parts:
        raise ArchiveError(f"archive entry {name!r} has an empty name")
    return "/".join(parts)


class _Budget:
    def __init__(self, max_entries: int, max_bytes: int) -> None:
        self.entries = 0
        self.bytes = 0
        self.max_entries = max_entries
        self.max_bytes = max_bytes

    def entry(self) -> None:
        self.entries += 1
        if self.entries > self.max_entries:
            raise ArchiveTooLargeError(f"archive has more than {self.max_entries} entries")

    def room(self) -> int:
        return self.max_bytes - self.bytes

    def add(self, size: int) -> None:
        self.bytes += size
        if self.bytes > self.max_bytes:
            raise ArchiveTooLargeError(f"archive unpacks to more than {self.max_bytes // (1024 * 1024)} MB")


def read_archive(data: bytes, max_entries: int = MAX_ENTRIES, max_bytes: int = MAX_UNPACKED_BYTES) -> list[ArchiveFile]:
    """Regular files of a zip or tar (optionally gzip/bz2/xz-compressed) archive."""
    budget = _Budget(max_entries, max_bytes)
    if data[:4] == b"PK\x03\x04" or data[:4] == b"PK\x05\x06":
        return _read_zip(data, budget)
    try:
        archive = tarfile.open(fileobj=io.BytesIO(data), mode="r:*")  # noqa: SIM115
    except (tarfile.TarError, EOFError, OSError, ValueError, zlib.error, lzma.LZMAError) as exc:
        raise ArchiveError(f"not a tar or zip archive ({exc})") from None
    with archive:
        return _read_tar(archive, budget)


def _read_tar(archive: tarfile.TarFile, budget: _Budget) -> list[ArchiveFile]:
    files: list[ArchiveFile] = []
    try:
        for member in archive:
            budget.entry()
            name = check_member_name(member.name)
            if member.issym() or member.islnk():
                raise ArchiveError(f"archive entry {member.name!r} is a link; links are not accepted")
            if member.isdir():
                continue
            if not member.isfile():
                raise ArchiveError(f"archive entry {member.name!r} is not a regular file")
            if member.size > budget.room():
                budget.add(member.size)
            handle = archive.extractfile(member)
            content = handle.read(budget.room() + 1) if handle else b""
            budget.add(len(content))
            files.append(ArchiveFile(name, content))
    except ArchiveError:
        raise
    # ValueError/zlib/lzma: what the stdlib readers raise on crafted headers (found by atheris)
    except (tarfile.TarError, EOFError, OSError, ValueError, zlib.error, lzma.LZMAError) as exc:
        raise ArchiveError(f"corrupt tar archive ({exc})") from None
    return files


def _read_zip(data: bytes, budget: _Budget) -> list[ArchiveFile]:
    files: list[ArchiveFile] = []
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            if len(infos) > budget.max_entries:
                raise ArchiveTooLargeError(f"archive has more than {budget.max_entries} entries")
            for info in infos:
                budget.entry()
                name = check_member_name(info.filename)
                mode = info.external_attr >> 16
                if stat.S_ISLNK(mode):
                    raise ArchiveError(f"archive entry {info.filename!r} is a link; links are not accepted")
                if info.is_dir():
                    continue
                if stat.S_IFMT(mode) and not stat.S_ISREG(mode):
                    raise ArchiveError(f"archive entry {info.filename!r} is not a regular file")
                if info.file_size > budget.room():
                    budget.add(info.file_size)
                with archive.open(info) as handle:
                    content = handle.read(budget.room() + 1)
                budget.add(len(content))
                files.append(ArchiveFile(name, content))
    except ArchiveError:
        raise
    # found by atheris: ValueError ("negative seek value") and zlib errors on crafted headers,
    # RuntimeError for an entry flagged as encrypted
    except (zipfile.BadZipFile, EOFError, OSError, NotImplementedError, ValueError, RuntimeError, zlib.error) as exc:
        raise ArchiveError(f"corrupt zip archive ({exc})") from None
    return files
