# hardgen-expect: py/path-injection
from pathlib import Path

from flask import Flask, jsonify, request

app = Flask(__name__)
NOTES_DIR = Path("notes")


@app.route("/notes")
def read_note():
    title = request.args.get("title", "")
    note_path = NOTES_DIR / f"{title}.md"
    if not note_path.exists():
        return jsonify(error="not found"), 404
    return jsonify(title=title, body=note_path.read_text())
