"""The Java Semgrep rule pack (``services/hardgen/scanner/rules/java``).

* every rule file holds one rule with the metadata the scanner reports (CodeQL query id, CWE ids
  matching the catalogue, confidence, references) and has a Semgrep ``--test`` file beside it;
* ``semgrep --test`` passes on the whole pack (one process);
* one ``semgrep scan`` over every Java reference completion of the scenario corpus reports, per
  file, exactly the query ids the completion is labelled with (none for secure ones);
* where a JDK is installed, every Java partial program and reference completion type-checks with
  ``javac`` against minimal stubs of the Servlet, SnakeYAML and helper-library APIs.

The shared checks live in :mod:`tests.scanner.rulepacks`; the two Semgrep runs and javac run side
by side. Code under analysis is only parsed and compiled, never executed.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from hardgen.core.languages import Language
from hardgen.core.scenarios import load_corpus
from tests.scanner import rulepacks

LANGUAGE = Language.JAVA

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
def runs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, rulepacks.Run]]:
    """Semgrep's ``--test``, the corpus scan and (with a JDK) one javac run, started together so
    that the assertion groups overlap instead of adding up."""
    extra: dict[str, list[str]] = {}
    javac = shutil.which("javac")
    if javac is not None:
        root = tmp_path_factory.mktemp("javac")
        sources = _javac_tree(root)
        stubs, classes = str(root / "stubs"), str(root / "classes")
        extra["javac"] = [javac, "-proc:none", "-nowarn", "-d", classes, "-sourcepath", stubs, *sources]
    workdir = tmp_path_factory.mktemp("java-pack")
    yield from rulepacks.start_semgrep_runs(LANGUAGE, workdir, partial_programs=False, extra=extra)


def test_pack_has_one_rule_per_file_with_metadata_and_a_test_file() -> None:
    rulepacks.check_rule_metadata(LANGUAGE, min_rules=20)


def test_semgrep_rule_tests_pass(runs: dict[str, rulepacks.Run]) -> None:
    rulepacks.check_rule_tests(runs["test"], LANGUAGE)


def test_reference_completions_get_exactly_their_labels(runs: dict[str, rulepacks.Run]) -> None:
    rulepacks.check_scan_labels(runs["scan"], LANGUAGE, partial_programs=False)


def test_scenario_files_compile_against_api_stubs(runs: dict[str, rulepacks.Run]) -> None:
    if "javac" not in runs:
        pytest.skip("no JDK (javac) installed")
    returncode, stdout, stderr = runs["javac"].finish()
    assert returncode == 0, f"javac rejected Java scenario files:\n{(stdout + stderr)[-4000:]}"
