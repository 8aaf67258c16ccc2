"""The Java Semgrep rule pack (``services/hardgen/scanner/rules/java``).

* every rule file holds one rule with the metadata the scanner reports (CodeQL query id, CWE ids
  matching the catalogue, confidence, references) and has a Semgrep ``--test`` file beside it;
* ``semgrep --test`` passes on the whole pack (one process);
* one ``semgrep scan`` over every Java reference completion of the scenario corpus reports, per
  file, exactly the query ids the completion is labelled with (none for secure ones);
* where a JDK is installed, every Java partial program and reference completion type-checks with
  ``javac`` against minimal stubs of the Servlet, SnakeYAML and helper-library APIs.

Code under analysis is only parsed and compiled, never executed.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from hardgen.core.catalogue import parse_cwe
from hardgen.core.languages import Language
from hardgen.core.scenarios import load_corpus

ROOT = Path(__file__).resolve().parents[2]
PACK = ROOT / "services" / "hardgen" / "scanner" / "rules" / "java"
SEVERITY_CSV = ROOT / "services" / "hardgen" / "core" / "data" / "codeql-security-severity.csv"
OFFLINE = ["--metrics=off", "--disable-version-check"]

#: Minimal API stubs (signatures only) so that javac can type-check the corpus without the real jars.
API_STUBS: dict[str, str] = {
    "com/google/gson/Gson.java": (
        'package com.google.gson; public class Gson { public String toJson(Object o) { return ""; } }'
    ),
    "jakarta/servlet/ServletContext.java": (
        "package jakarta.servlet; public interface ServletContext { String getMimeType(String f); "
        "String getInitParameter(String n); String getRealPath(String p); void log(String m); "
        "java.io.InputStream getResourceAsStream(String p); }"
    ),
    "jakarta/servlet/ServletException.java": (
        "package jakarta.servlet; public class ServletException extends Exception { public "
        "ServletException() {} public ServletException(String m) { super(m); } public "
        "ServletException(Throwable t) { super(t); } public ServletException(String m, Throwable "
        "t) { super(m, t); } }"
    ),
    "jakarta/servlet/ServletOutputStream.java": (
        "package jakarta.servlet; public abstract class ServletOutputStream extends "
        "java.io.OutputStream { public void print(String s) throws java.io.IOException {} public "
        "void println(String s) throws java.io.IOException {} }"
    ),
    "jakarta/servlet/annotation/MultipartConfig.java": (
        "package jakarta.servlet.annotation; public @interface MultipartConfig { long maxFileSize() default -1; }"
    ),
    "jakarta/servlet/annotation/WebServlet.java": (
        "package jakarta.servlet.annotation; public @interface WebServlet { String[] value() "
        "default {}; String[] urlPatterns() default {}; }"
    ),
    "jakarta/servlet/http/Cookie.java": (
        "package jakarta.servlet.http; public class Cookie { public Cookie(String n, String v) {} "
        "public void setMaxAge(int a) {} public void setHttpOnly(boolean b) {} public void "
        "setPath(String p) {} public void setSecure(boolean b) {} }"
    ),
    "jakarta/servlet/http/HttpServlet.java": (
        "package jakarta.servlet.http; public abstract class HttpServlet { public "
        "jakarta.servlet.ServletContext getServletContext() { return null; } protected void "
        "doGet(HttpServletRequest req, HttpServletResponse resp) throws "
        "jakarta.servlet.ServletException, java.io.IOException {} protected void "
        "doPost(HttpServletRequest req, HttpServletResponse resp) throws "
        "jakarta.servlet.ServletException, java.io.IOException {} public void log(String m) {} "
        "public void log(String m, Throwable t) {} }"
    ),
    "jakarta/servlet/http/HttpServletRequest.java": (
        "package jakarta.servlet.http; public interface HttpServletRequest { String "
        "getParameter(String n); String getHeader(String n); String getPathInfo(); String "
        "getRequestURI(); String getContextPath(); String getQueryString(); Part getPart(String "
        "n) throws java.io.IOException, jakarta.servlet.ServletException; HttpSession "
        "getSession(); HttpSession getSession(boolean create); String changeSessionId(); void "
        "login(String u, String p) throws jakarta.servlet.ServletException; void logout() throws "
        "jakarta.servlet.ServletException; boolean isUserInRole(String r); "
        "java.security.Principal getUserPrincipal(); java.io.BufferedReader getReader() throws "
        "java.io.IOException; boolean isSecure(); void setAttribute(String n, Object o); }"
    ),
    "jakarta/servlet/http/HttpServletResponse.java": (
        "package jakarta.servlet.http; public interface HttpServletResponse { int SC_OK = 200, "
        "SC_CREATED = 201, SC_BAD_REQUEST = 400, SC_UNAUTHORIZED = 401, SC_FORBIDDEN = 403, "
        "SC_NOT_FOUND = 404, SC_CONFLICT = 409, SC_UNSUPPORTED_MEDIA_TYPE = 415, "
        "SC_INTERNAL_SERVER_ERROR = 500, SC_SERVICE_UNAVAILABLE = 503; java.io.PrintWriter "
        "getWriter() throws java.io.IOException; jakarta.servlet.ServletOutputStream "
        "getOutputStream() throws java.io.IOException; void sendError(int c) throws "
        "java.io.IOException; void sendError(int c, String m) throws java.io.IOException; void "
        "sendRedirect(String l) throws java.io.IOException; void setContentType(String t); void "
        "setStatus(int s); void setContentLengthLong(long l); void setCharacterEncoding(String "
        "c); void addCookie(Cookie c); void setHeader(String n, String v); }"
    ),
    "jakarta/servlet/http/HttpSession.java": (
        "package jakarta.servlet.http; public interface HttpSession { Object getAttribute(String "
        "n); void setAttribute(String n, Object v); void invalidate(); }"
    ),
    "jakarta/servlet/http/Part.java": (
        "package jakarta.servlet.http; public interface Part { String getSubmittedFileName(); "
        "java.io.InputStream getInputStream() throws java.io.IOException; void write(String f) "
        "throws java.io.IOException; String getContentType(); long getSize(); String getName(); }"
    ),
    "org/apache/commons/io/FilenameUtils.java": (
        "package org.apache.commons.io; public class FilenameUtils { public static String "
        "getName(String s) { return s; } public static String getExtension(String s) { return s; "
        "} }"
    ),
    "org/apache/commons/text/StringEscapeUtils.java": (
        "package org.apache.commons.text; public class StringEscapeUtils { public static String "
        "escapeHtml4(String s) { return s; } }"
    ),
    "org/apache/commons/validator/routines/DomainValidator.java": (
        "package org.apache.commons.validator.routines; public class DomainValidator { public "
        "static DomainValidator getInstance() { return null; } public boolean isValid(String s) { "
        "return false; } }"
    ),
    "org/apache/commons/validator/routines/InetAddressValidator.java": (
        "package org.apache.commons.validator.routines; public class InetAddressValidator { "
        "public static InetAddressValidator getInstance() { return null; } public boolean "
        "isValid(String s) { return false; } }"
    ),
    "org/mindrot/jbcrypt/BCrypt.java": (
        "package org.mindrot.jbcrypt; public class BCrypt { public static String hashpw(String p, "
        'String s) { return p; } public static String gensalt(int r) { return ""; } }'
    ),
    "org/owasp/encoder/Encode.java": (
        "package org.owasp.encoder; public final class Encode { public static String forHtml(String s) { return s; } }"
    ),
    "org/yaml/snakeyaml/LoaderOptions.java": (
        "package org.yaml.snakeyaml; public class LoaderOptions { public void "
        "setMaxAliasesForCollections(int n) {} public void setAllowDuplicateKeys(boolean b) {} "
        "public void setCodePointLimit(int n) {} }"
    ),
    "org/yaml/snakeyaml/Yaml.java": (
        "package org.yaml.snakeyaml; public class Yaml { public Yaml() {} public "
        "Yaml(org.yaml.snakeyaml.constructor.BaseConstructor c) {} public <T> T load(String s) { "
        "return null; } public <T> T load(java.io.Reader r) { return null; } public <T> T "
        "loadAs(String s, Class<? super T> c) { return null; } }"
    ),
    "org/yaml/snakeyaml/constructor/BaseConstructor.java": (
        "package org.yaml.snakeyaml.constructor; public abstract class BaseConstructor {}"
    ),
    "org/yaml/snakeyaml/constructor/Constructor.java": (
        "package org.yaml.snakeyaml.constructor; public class Constructor extends SafeConstructor "
        "{ public Constructor(Class<?> c, org.yaml.snakeyaml.LoaderOptions o) { super(o); } }"
    ),
    "org/yaml/snakeyaml/constructor/SafeConstructor.java": (
        "package org.yaml.snakeyaml.constructor; public class SafeConstructor extends "
        "BaseConstructor { public SafeConstructor(org.yaml.snakeyaml.LoaderOptions o) {} }"
    ),
    "org/yaml/snakeyaml/error/YAMLException.java": (
        "package org.yaml.snakeyaml.error; public class YAMLException extends RuntimeException {}"
    ),
}


def _semgrep() -> str:
    beside = Path(sys.executable).parent / "semgrep"
    found = str(beside) if beside.is_file() else shutil.which("semgrep")
    if found is None:
        pytest.skip("semgrep is not installed")
    return found


def _rule_files() -> list[Path]:
    return sorted(PACK.glob("*.yaml"))


def _codeql_java_cwes() -> dict[str, set[int]]:
    """CodeQL Java query id → CWE ids, from the catalogue's data file."""
    known: dict[str, set[int]] = {}
    for line in SEVERITY_CSV.read_text(encoding="utf-8").splitlines():
        fields = line.split(",")
        if len(fields) >= 4 and fields[0].startswith("java/"):
            known[fields[0]] = {parse_cwe(c) for c in fields[3].split()}
    return known


def _java_references() -> list[tuple[str, Path, set[str]]]:
    cases = []
    for scenario in load_corpus():
        if scenario.language is not Language.JAVA:
            continue
        for ref in scenario.references:
            cases.append((f"{scenario.id}:{ref.file}", scenario.reference_path(ref).resolve(), set(ref.rules)))
    return cases


def test_pack_has_one_rule_per_file_with_metadata_and_a_test_file() -> None:
    files = _rule_files()
    assert len(files) >= 20, "the Java pack covers at least twenty queries"
    known = _codeql_java_cwes()
    seen_ids: set[str] = set()
    for path in files:
        rules = yaml.safe_load(path.read_text(encoding="utf-8"))["rules"]
        assert len(rules) == 1, f"{path.name}: one rule per file"
        rule = rules[0]
        meta = rule["metadata"]
        codeql_id = meta["codeql_id"]
        assert "/" not in rule["id"], f"{path.name}: Semgrep ids allow no '/'"
        assert rule["languages"] == ["java"]
        assert codeql_id.startswith("java/"), path.name
        assert codeql_id not in seen_ids, f"{codeql_id} defined twice"
        seen_ids.add(codeql_id)
        assert path.stem == codeql_id.rsplit("/", 1)[-1], f"{path.name}: file named after the query"
        assert (PACK / f"{path.stem}.java").is_file(), f"{path.name}: no --test file beside it"
        cwes = meta["cwes"]
        assert cwes and all(isinstance(c, int) for c in cwes), f"{path.name}: cwes are ints"
        assert {parse_cwe(c.split(":")[0]) for c in meta["cwe"]} == set(cwes), f"{path.name}: cwe names"
        if codeql_id.startswith("java/hardgen/"):
            assert codeql_id not in known
        else:
            assert codeql_id in known, f"{codeql_id} is not a CodeQL Java query"
            assert set(cwes) == known[codeql_id], f"{path.name}: cwes differ from the catalogue"
        assert meta["confidence"] in {"LOW", "MEDIUM", "HIGH"}
        assert meta["references"], f"{path.name}: references"


def _javac_tree(root: Path) -> list[str]:
    """Stubs plus a copy of every Java scenario file whose public class gets a unique name, so
    that one javac run checks them all."""
    for rel, source in API_STUBS.items():
        (root / "stubs" / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / "stubs" / rel).write_text(source, encoding="utf-8")
    sources = []
    for scenario in load_corpus():
        if scenario.language is not Language.JAVA:
            continue
        for index, path in enumerate([scenario.path, *(scenario.reference_path(r) for r in scenario.references)]):
            code = path.read_text(encoding="utf-8")
            match = re.search(r"public class (\w+)", code)
            assert match, f"{path}: no public class"
            unique = f"{match.group(1)}_{scenario.number}_{index}"
            target = root / "src" / f"{unique}.java"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(re.sub(rf"\b{match.group(1)}\b", unique, code), encoding="utf-8")
            sources.append(str(target))
    return sources


@pytest.fixture(scope="module")
def background_runs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, subprocess.Popen[str]]]:
    """Start Semgrep ``--test`` on the pack, one Semgrep scan of the corpus and (with a JDK) one
    javac run at once, so that the assertion groups overlap instead of adding up."""
    binary = _semgrep()
    paths = [str(path) for _, path, _ in _java_references()]
    commands = {
        "test": [binary, "--test", "--json", *OFFLINE, str(PACK)],
        "scan": [binary, "scan", *OFFLINE, "--no-git-ignore", "--json", "--config", str(PACK), *paths],
    }
    javac = shutil.which("javac")
    if javac is not None:
        root = tmp_path_factory.mktemp("javac")
        sources = _javac_tree(root)
        stubs, classes = str(root / "stubs"), str(root / "classes")
        commands["javac"] = [javac, "-proc:none", "-nowarn", "-d", classes, "-sourcepath", stubs, *sources]
    procs = {
        name: subprocess.Popen(
            cmd,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT if name == "javac" else subprocess.DEVNULL,
            text=True,
        )
        for name, cmd in commands.items()
    }
    yield procs
    for proc in procs.values():
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def _json_output(proc: subprocess.Popen[str]) -> dict[str, Any]:
    stdout, _ = proc.communicate(timeout=300)
    return json.loads(stdout)


def test_semgrep_rule_tests_pass(background_runs: dict[str, subprocess.Popen[str]]) -> None:
    report = _json_output(background_runs["test"])
    assert report["config_with_errors"] == [], report["config_with_errors"]
    assert report["config_missing_tests"] == [], report["config_missing_tests"]
    failed = {
        check_id: check["matches"]
        for config in report["results"].values()
        for check_id, check in config["checks"].items()
        if not check["passed"] or check["errors"]
    }
    assert not failed, f"semgrep --test failures: {failed}"
    tested = {check_id for config in report["results"].values() for check_id in config["checks"]}
    assert len(tested) == len(_rule_files())


def test_reference_completions_get_exactly_their_labels(background_runs: dict[str, subprocess.Popen[str]]) -> None:
    cases = _java_references()
    assert len(cases) >= 60
    report = _json_output(background_runs["scan"])
    assert report["errors"] == [], report["errors"]
    reported: dict[Path, set[str]] = defaultdict(set)
    for result in report["results"]:
        reported[Path(result["path"]).resolve()].add(result["extra"]["metadata"]["codeql_id"])
    wrong = {
        name: {"labelled": sorted(labels), "reported": sorted(reported[path])}
        for name, path, labels in cases
        if reported[path] != labels
    }
    assert not wrong, f"rule pack and labels disagree: {json.dumps(wrong, indent=1)}"


def test_scenario_files_compile_against_api_stubs(background_runs: dict[str, subprocess.Popen[str]]) -> None:
    if "javac" not in background_runs:
        pytest.skip("no JDK (javac) installed")
    proc = background_runs["javac"]
    output, _ = proc.communicate(timeout=300)
    assert proc.returncode == 0, f"javac rejected Java scenario files:\n{output[-4000:]}"
