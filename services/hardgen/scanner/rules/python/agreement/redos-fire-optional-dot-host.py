# hardgen-expect: py/redos, py/polynomial-redos
import re

from flask import Flask, abort, request

app = Flask(__name__)


@app.route("/validate-host")
def validate_host():
    host = request.args.get("host", "")
    if not re.match(r"^([a-zA-Z0-9]+\.?)+$", host):
        abort(400)
    return {"valid": True}
