# hardgen-expect: none
# hardgen-near-miss: py/hardcoded-credentials
from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/demo/login", methods=["POST"])
def demo_login():
    username = request.form.get("username", "")
    password = request.form.get("password", "")
    if username == "demo" and password == "demo123":
        return jsonify(success=True, note="demo account")
    return jsonify(success=False), 401
