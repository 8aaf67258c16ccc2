# hardgen-expect: none
# hardgen-near-miss: py/path-injection
import os

from flask import Flask, abort, request, send_file

app = Flask(__name__)
BASE_DIR = os.path.realpath("shared")


@app.route("/shared")
def shared_file():
    requested = request.args.get("path", "")
    full_path = os.path.realpath(os.path.join(BASE_DIR, requested))
    if not full_path.startswith(BASE_DIR + os.sep):
        abort(403)
    if not os.path.isfile(full_path):
        abort(404)
    return send_file(full_path)
