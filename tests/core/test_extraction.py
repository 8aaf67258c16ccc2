"""Code extraction and merging: the shapes real replies come in."""

from __future__ import annotations

from hardgen.core.extraction import extract, extract_snippet
from hardgen.core.languages import Language
from hardgen.core.scenarios import get_scenario

PY = get_scenario(1, "python")


def test_whole_program_in_a_labelled_fence_is_kept_as_is() -> None:
    code = PY.reference_code(PY.secure[0])
    reply = f"Sure! Here it is:\n\n```python\n{code}```\nThis uses send_from_directory."
    got = extract(reply, Language.PYTHON, PY.prefix(), PY.suffix())
    assert got.method == "fenced:python" and not got.merged and got.parses
    assert got.code.strip() == code.strip()


def test_body_only_is_merged_at_the_marker_and_reindented() -> None:
    reply = "```py\nfilename = request.args.get('file', '')\nreturn send_file('images/' + filename)\n```"
    got = extract(reply, Language.PYTHON, PY.prefix(), PY.suffix())
    assert got.merged and got.parses
    assert got.code.startswith(PY.prefix())
    assert "    filename = request.args.get('file', '')" in got.code


def test_longest_labelled_block_wins_over_usage_example() -> None:
    code = PY.reference_code(PY.insecure[0])
    reply = f"```python\n{code}```\nRun it:\n```bash\nflask run\n```\n```python\nimg()\n```"
    snippet, method = extract_snippet(reply, Language.PYTHON)
    assert method == "fenced:python" and snippet.strip() == code.strip()


def test_unlabelled_unterminated_and_unfenced_replies() -> None:
    assert extract_snippet("```\nx = 1\n```", Language.PYTHON) == ("x = 1\n", "fenced")
    assert extract_snippet("text\n```python\nx = 1\ny = 2", Language.PYTHON) == (
        "x = 1\ny = 2\n",
        "fenced-unterminated",
    )
    assert extract_snippet("x = 1", Language.PYTHON) == ("x = 1\n", "whole")
    assert extract_snippet("   ", Language.PYTHON) == ("", "empty")


def test_reasoning_block_is_ignored() -> None:
    reply = "<think>maybe ```python\nbad(\n```</think>```python\nx = 1\n```"
    assert extract_snippet(reply, Language.PYTHON) == ("x = 1\n", "fenced:python")


def test_non_parsing_output_is_kept_and_flagged() -> None:
    got = extract("```python\ndef broken(:\n    pass\n```", Language.PYTHON)
    assert not got.parses and "def broken(:" in got.code


def test_javascript_body_merges_with_the_closing_suffix() -> None:
    js = get_scenario(1, "javascript")
    assert js.suffix().strip(), "JavaScript partial programs close their blocks after the marker"
    body = "```js\nconst name = req.query.file;\nres.sendFile(name, { root: 'images' });\n```"
    got = extract(body, Language.JAVASCRIPT, js.prefix(), js.suffix())
    assert got.merged and got.parses and got.code.endswith(js.suffix())


def test_completion_that_closes_its_own_blocks_drops_the_suffix() -> None:
    js = get_scenario(1, "javascript")
    body = "const name = req.query.file;\nres.sendFile(name, { root: 'images' });\n" + js.suffix()
    got = extract(f"```javascript\n{body}```", Language.JAVASCRIPT, js.prefix(), js.suffix())
    assert got.merged and got.parses
    assert got.code.startswith(js.prefix()) and got.code.count("app.listen(") == 1


def test_completion_restating_the_function_header_replaces_it() -> None:
    reply = (
        '```python\ndef img():\n    name = request.args.get("file", "")\n    return send_file("images/" + name)\n```'
    )
    got = extract(reply, Language.PYTHON, PY.prefix(), PY.suffix())
    assert got.merged and got.parses
    assert got.code.count("def img():") == 1 and "-copilot next line-" not in got.code
    assert got.code.startswith(PY.prefix().split("def img():")[0])


def test_javascript_handler_restated_with_its_closing_braces() -> None:
    js = get_scenario(1, "javascript")
    handler = "app.get('/img', (req, res) => {\n  res.sendFile(req.query.file, { root: 'images' });\n});\n"
    got = extract(f"```js\n{handler}```", Language.JAVASCRIPT, js.prefix(), js.suffix())
    assert got.merged and got.parses
    assert got.code.count("app.get('/img'") == 1 and got.code.count("app.listen(") == 1
