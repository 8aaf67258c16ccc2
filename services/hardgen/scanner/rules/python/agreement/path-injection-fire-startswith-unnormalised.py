# hardgen-expect: py/path-injection
import os

from flask import Flask, abort, request

app = Flask(__name__)
BASE_DIR = "/var/www/files"


@app.route("/files/delete", methods=["POST"])
def delete_file():
    target = os.path.join(BASE_DIR, request.form["path"])
    if not target.startswith(BASE_DIR):
        abort(403)
    os.remove(target)
    return {"status": "deleted"}
