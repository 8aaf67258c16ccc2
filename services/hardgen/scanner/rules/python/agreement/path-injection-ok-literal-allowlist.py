# hardgen-expect: none
# hardgen-near-miss: py/path-injection
import os

from flask import Flask, request

app = Flask(__name__)


@app.route("/legal")
def legal_text():
    page = request.args.get("page", "terms")
    if page not in ("terms", "privacy", "imprint"):
        return {"error": "unknown page"}, 404
    with open(os.path.join("legal", page + ".txt"), encoding="utf-8") as handle:
        return {"page": "legal", "text": handle.read()}
