"""The ``gocustom`` engine on small Go programs: each check fires on its pattern, stays quiet once the
value is sanitised or the pattern is the safe one, and a bad file never stops the batch.

Files are only parsed with tree-sitter; nothing here is compiled or run.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hardgen.core.catalogue import catalogue
from hardgen.core.findings import Finding
from hardgen.core.languages import Language
from hardgen.scanner.engines.base import Engine, ScanFile
from hardgen.scanner.engines.gocustom import DESER_RULE, HASH_RULE, PATH_RULE, GoCustomEngine

HEADER = 'package main\n\nimport (\n\t"net/http"\n)\n\n'


def _handler(body: str, extra: str = "") -> str:
    return HEADER + extra + "func h(w http.ResponseWriter, r *http.Request) {\n" + body + "\n}\n"


def _scan(tmp_path: Path, *sources: str) -> tuple[list[Finding], list[str]]:
    files = []
    for index, source in enumerate(sources):
        path = tmp_path / f"f{index}.go"
        path.write_text(source, encoding="utf-8")
        files.append(ScanFile(path=f"f{index}.go", abs_path=path, language=Language.GO))
    result = GoCustomEngine().scan(files, timeout=30)
    return result.findings, [e.path for e in result.errors]


def _rules(tmp_path: Path, source: str) -> list[tuple[str, int]]:
    findings, errors = _scan(tmp_path, source)
    assert errors == []
    return [(f.rule_id, f.start_line) for f in findings]


# ---------------------------------------------------------------- engine contract


def test_engine_implements_the_contract() -> None:
    engine = GoCustomEngine()
    assert isinstance(engine, Engine)
    assert engine.name == "gocustom"
    assert engine.languages == frozenset({Language.GO})
    assert engine.available()
    assert engine.version() == GoCustomEngine().version() and engine.version().startswith("gocustom-")


def test_finding_is_normalised(tmp_path: Path) -> None:
    source = _handler('\t_, header, _ := r.FormFile("f")\n\tos.Create(filepath.Join("uploads", header.Filename))')
    findings, _ = _scan(tmp_path, source)
    assert len(findings) == 1
    finding = findings[0]
    assert finding.rule_id == PATH_RULE
    assert finding.engine == "gocustom"
    assert finding.path == "f0.go"
    assert finding.start_line == 9 and finding.start_column == 12  # the filepath.Join call
    assert finding.cwes == catalogue().cwes_for(PATH_RULE)
    assert finding.severity == catalogue().severity(PATH_RULE) == 7.5
    assert len(finding.fingerprint) == 32


# ---------------------------------------------------------------- upload file names


def test_upload_name_into_create_is_reported_once(tmp_path: Path) -> None:
    body = (
        '\tfile, fh, err := r.FormFile("pdf")\n'
        "\tname := fh.Filename\n"
        '\tdst := filepath.Join("./uploads", name)\n'
        "\tout, _ := os.Create(dst)\n"
        '\tos.WriteFile("./uploads/"+fh.Filename, nil, 0o644)'
    )
    assert _rules(tmp_path, _handler(body)) == [(PATH_RULE, 10), (PATH_RULE, 12)]


def test_multipart_form_and_part_file_names(tmp_path: Path) -> None:
    form = (
        "\tr.ParseMultipartForm(1 << 20)\n"
        '\tfh := r.MultipartForm.File["pdf"][0]\n'
        '\tos.OpenFile(path.Join("up", fh.Filename), 0, 0)'
    )
    part = '\tmr, _ := r.MultipartReader()\n\tp, _ := mr.NextPart()\n\tos.Create("up/" + p.FileName())'
    assert [rule for rule, _ in _rules(tmp_path, _handler(form))] == [PATH_RULE]
    assert [rule for rule, _ in _rules(tmp_path, _handler(part))] == [PATH_RULE]


def test_request_parameter_name_in_an_upload_handler(tmp_path: Path) -> None:
    body = (
        '\tf, _, _ := r.FormFile("pdf")\n\tname := r.FormValue("name")\n\tos.Create(filepath.Join("up", name+".pdf"))'
    )
    assert [rule for rule, _ in _rules(tmp_path, _handler(body))] == [PATH_RULE]


def test_base_and_ext_sanitise_the_name(tmp_path: Path) -> None:
    body = (
        '\t_, fh, _ := r.FormFile("pdf")\n'
        "\tname := filepath.Base(fh.Filename)\n"
        '\tos.Create(filepath.Join("up", name))\n'
        '\tos.Create(filepath.Join("up", "id"+filepath.Ext(fh.Filename)))\n'
        "\tn := fh.Filename\n"
        "\tn = path.Base(n)\n"
        '\tos.Create("up/" + n)'
    )
    assert _rules(tmp_path, _handler(body)) == []


def test_sanitising_in_one_branch_does_not_clean(tmp_path: Path) -> None:
    body = (
        '\t_, fh, _ := r.FormFile("pdf")\n'
        "\tname := fh.Filename\n"
        '\tif strings.Contains(name, "/") {\n\t\tname = filepath.Base(name)\n\t}\n'
        '\tos.Create("up/" + name)'
    )
    assert [rule for rule, _ in _rules(tmp_path, _handler(body))] == [PATH_RULE]


def test_handlers_without_an_upload_are_left_to_semgrep(tmp_path: Path) -> None:
    body = '\tos.Create(filepath.Join("notes", r.URL.Query().Get("name")))'
    assert _rules(tmp_path, _handler(body)) == []


# ---------------------------------------------------------------- password hashing


@pytest.mark.parametrize(
    "body",
    [
        '\tpassword := r.FormValue("password")\n\tsum := md5.Sum([]byte(password))\n\t_ = sum',
        '\tpw := r.PostFormValue("password")\n\td := sha256.Sum256(append(salt, []byte(pw)...))\n\t_ = d',
        '\th := sha1.New()\n\th.Write([]byte(r.FormValue("pwd")))\n\t_ = h.Sum(nil)',
        "\tvar req struct{ Password string }\n\thasher := sha512.New()\n\tio.WriteString(hasher, req.Password)",
    ],
)
def test_fast_hash_of_a_password(tmp_path: Path, body: str) -> None:
    findings, _ = _scan(tmp_path, _handler(body))
    assert [f.rule_id for f in findings] == [HASH_RULE]
    assert findings[0].cwes == [327, 328, 916]


@pytest.mark.parametrize(
    "body",
    [
        '\thash, _ := bcrypt.GenerateFromPassword([]byte(r.FormValue("password")), 12)\n\t_ = hash',
        '\tsum := sha256.Sum256([]byte(r.FormValue("email")))\n\t_ = sum',
        '\tkey := pbkdf2.Key([]byte(r.FormValue("password")), salt, 600000, 32, sha256.New)\n\t_ = key',
        "\tpasswordHash := lookup()\n\tsum := sha256.Sum256(passwordHash)\n\t_ = sum",
    ],
)
def test_slow_hashes_and_non_passwords_are_fine(tmp_path: Path, body: str) -> None:
    assert _rules(tmp_path, _handler(body)) == []


# ---------------------------------------------------------------- deserialisation


@pytest.mark.parametrize(
    ("body", "extra"),
    [
        ("\tvar v interface{}\n\tgob.NewDecoder(r.Body).Decode(&v)", ""),
        (
            "\tvar e envelope\n\tdec := gob.NewDecoder(r.Body)\n\tdec.Decode(&e)",
            "type envelope struct {\n\tName string\n\tData any\n}\n\n",
        ),
        (
            "\tbody, _ := io.ReadAll(r.Body)\n\tvar m map[string]interface{}\n\tyaml.Unmarshal(body, &m)\n"
            '\tif hook, ok := m["hook"].(string); ok {\n\t\texec.Command("sh", "-c", hook).Run()\n\t}',
            "",
        ),
        (
            "\tvar m map[string]any\n\tjson.NewDecoder(r.Body).Decode(&m)\n"
            '\treflect.ValueOf(api{}).MethodByName(m["action"].(string)).Call(nil)',
            "",
        ),
    ],
)
def test_unsafe_deserialisation(tmp_path: Path, body: str, extra: str) -> None:
    findings, _ = _scan(tmp_path, _handler(body, extra))
    assert [f.rule_id for f in findings] == [DESER_RULE]
    assert findings[0].cwes == [502]


@pytest.mark.parametrize(
    "body",
    [
        # decoding into interface{} and type-asserting one field is not unsafe in Go
        "\tvar v interface{}\n\tyaml.NewDecoder(r.Body).Decode(&v)\n"
        '\tm, _ := v.(map[string]interface{})\n\t_ = m["name"].(string)',
        "\tvar p struct{ Name string }\n\tgob.NewDecoder(r.Body).Decode(&p)",
        '\tvar m map[string]any\n\tjson.NewDecoder(r.Body).Decode(&m)\n\texec.Command("ls", "-l").Run()',
        '\tvar v interface{}\n\tf, _ := os.Open("state.gob")\n\tgob.NewDecoder(f).Decode(&v)',
    ],
)
def test_safe_decoding_is_not_reported(tmp_path: Path, body: str) -> None:
    assert _rules(tmp_path, _handler(body)) == []


# ---------------------------------------------------------------- bad input


def test_parse_error_is_a_file_error_and_the_batch_goes_on(tmp_path: Path) -> None:
    broken = HEADER + "func h(w http.ResponseWriter, r *http.Request) {\n\tif {\n"
    good = _handler('\tpassword := r.FormValue("password")\n\t_ = md5.Sum([]byte(password))')
    findings, errors = _scan(tmp_path, broken, good)
    assert errors == ["f0.go"]
    assert [(f.path, f.rule_id) for f in findings] == [("f1.go", HASH_RULE)]


def test_unreadable_file_and_other_languages(tmp_path: Path) -> None:
    missing = ScanFile(path="gone.go", abs_path=tmp_path / "gone.go", language=Language.GO)
    python = tmp_path / "x.py"
    python.write_text("def (:\n", encoding="utf-8")
    other = ScanFile(path="x.py", abs_path=python, language=Language.PYTHON)
    result = GoCustomEngine().scan([missing, other], timeout=30)
    assert result.findings == []
    assert [(e.path, e.engine) for e in result.errors] == [("gone.go", "gocustom")]


def test_checker_crash_becomes_a_file_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from hardgen.scanner.engines import gocustom

    real = gocustom.analyse_source

    def flaky(code: bytes) -> list[gocustom._Report]:
        if b"CRASH" in code:
            raise RecursionError("maximum recursion depth exceeded")
        return real(code)

    monkeypatch.setattr(gocustom, "analyse_source", flaky)
    good = _handler('\tpassword := r.FormValue("password")\n\t_ = sha1.Sum([]byte(password))')
    findings, errors = _scan(tmp_path, HEADER + "// CRASH\n", good)
    assert errors == ["f0.go"]
    assert [f.path for f in findings] == ["f1.go"]


def test_spent_time_budget_reports_the_remaining_files(tmp_path: Path) -> None:
    path = tmp_path / "a.go"
    path.write_text(HEADER, encoding="utf-8")
    result = GoCustomEngine().scan([ScanFile(path="a.go", abs_path=path, language=Language.GO)], timeout=-1)
    assert [e.message for e in result.errors] == ["timeout after -1s"]


def test_deserialised_value_as_a_plain_argument_is_not_reported(tmp_path: Path) -> None:
    body = (
        "\tvar m map[string]any\n\tjson.NewDecoder(r.Body).Decode(&m)\n"
        '\texec.Command("convert", m["file"].(string), "out.png").Run()'
    )
    assert _rules(tmp_path, _handler(body)) == []


def test_helper_handed_an_upload_is_checked(tmp_path: Path) -> None:
    source = (
        'package main\n\nimport "mime/multipart"\n\n'
        "func save(fh *multipart.FileHeader) error {\n"
        '\tdst, err := os.Create("uploads/" + fh.Filename)\n'
        "\t_ = dst\n\treturn err\n}\n"
    )
    assert _rules(tmp_path, source) == [(PATH_RULE, 6)]


def test_password_read_by_key_under_any_name(tmp_path: Path) -> None:
    body = '\tq := r.URL.Query()\n\tp := q.Get("password")\n\tsum := sha1.Sum([]byte(p))\n\t_ = sum'
    assert [rule for rule, _ in _rules(tmp_path, _handler(body))] == [HASH_RULE]


@pytest.mark.parametrize(
    ("name", "expected"),
    [("password", True), ("newPwd", True), ("user_pass", True), ("clientSecret", True), ("adminPw", True)]
    + [("passwordHash", False), ("bypass", False), ("passport", False), ("compass", False), ("passwordOK", False)],
)
def test_password_names(name: str, expected: bool) -> None:
    from hardgen.scanner.engines.gocustom import _password_name

    assert _password_name(name) is expected
