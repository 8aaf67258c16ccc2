# hardgen-expect: none
# hardgen-near-miss: py/hardcoded-credentials
from flask import Flask, abort, request

app = Flask(__name__)


@app.route("/maintenance", methods=["POST"])
def maintenance():
    password = request.headers.get("X-Maintenance-Key", "")
    if password != "MaintenanceKey2024":
        abort(403)
    return {"maintenance": "scheduled"}
