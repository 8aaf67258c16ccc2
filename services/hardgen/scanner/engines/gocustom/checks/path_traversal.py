"""``go/study/path-traversal`` (CWE-22): the study script's upload-name check.

In a handler that receives an upload (it calls ``FormFile``, ``ParseMultipartForm`` or
``MultipartReader``, or reads ``MultipartForm``) or a helper handed one (a parameter of a
``mime/multipart`` type), a user-controlled file name (an uploaded file's ``FileHeader.Filename``,
a multipart ``Part.FileName()``, or a request parameter) reaches ``filepath.Join``/``path.Join``,
``os.Create``, ``os.OpenFile``, ``os.WriteFile`` or ``ioutil.WriteFile`` without passing through
``filepath.Base``/``path.Base`` (or ``filepath.Ext``, which cannot hold a separator). A join that is
reported is not reported again where its result is opened.

Why a separate check: CodeQL's ``net/http`` model taints only the first result of ``FormFile``, so
``header.Filename`` is not a ``go/path-injection`` source and CodeQL misses the upload case; the
study's script was written for it. Handlers without an upload are left to the Semgrep rule
``go/path-injection``.
"""

from __future__ import annotations

from typing import Any

from hardgen.scanner.engines.gocustom.taint import NAME_TAINT, Check, FunctionScan

REPORTED = "path-reported"  # a path already reported where it was joined
_PATH_JOIN = frozenset({("filepath", "Join"), ("path", "Join")})
_FILE_SINKS = frozenset({("os", "Create"), ("os", "OpenFile"), ("os", "WriteFile"), ("ioutil", "WriteFile")})
_NAME_SANITISERS = frozenset({("filepath", "Base"), ("path", "Base"), ("filepath", "Ext"), ("path", "Ext")})


class PathTraversal(Check):
    """An upload's (or a request parameter's) file name used as a path inside an upload handler."""

    rule_id = "go/study/path-traversal"
    cwes = (22,)

    def call_taint(self, scan: FunctionScan, call: Any, pkg: str, member: str, found: set[str]) -> set[str]:
        if (pkg, member) in _NAME_SANITISERS:
            return found - NAME_TAINT - {REPORTED}
        if (pkg, member) in _PATH_JOIN and found & NAME_TAINT and scan.upload_handler:
            return found | {REPORTED}
        return found

    def on_call(self, scan: FunctionScan, call: Any, pkg: str, member: str, args: list[Any]) -> None:
        if not scan.upload_handler:
            return
        if (pkg, member) in _PATH_JOIN:
            if any(scan.taint_of(a) & NAME_TAINT for a in args):
                scan.report(
                    self,
                    call,
                    f"{pkg}.{member} builds a path from a user-controlled upload file name without "
                    "filepath.Base; '../' in the name escapes the upload folder.",
                )
        elif (pkg, member) in _FILE_SINKS and args:
            found = scan.taint_of(args[0])
            if found & NAME_TAINT and REPORTED not in found:
                scan.report(
                    self,
                    call,
                    f"{pkg}.{member} opens a path built from a user-controlled upload file name without "
                    "filepath.Base; '../' in the name escapes the upload folder.",
                )


CHECK = PathTraversal()
