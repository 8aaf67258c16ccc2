# hardgen-expect: py/path-injection
from flask import Flask, Response

app = Flask(__name__)


@app.route("/docs/<path:name>")
def read_doc(name):
    with open(f"docs/{name}", encoding="utf-8") as handle:
        content = handle.read()
    return Response(content, mimetype="text/plain")
