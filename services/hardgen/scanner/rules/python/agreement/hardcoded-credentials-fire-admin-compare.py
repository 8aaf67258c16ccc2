# hardgen-expect: py/hardcoded-credentials
from flask import Flask, jsonify, request, session

app = Flask(__name__)
app.secret_key = "change-me"


@app.route("/admin/login", methods=["POST"])
def admin_login():
    username = request.form.get("username", "")
    password = request.form.get("password", "")
    if username == "admin" and password == "Adm1nP@ssw0rd!":
        session["is_admin"] = True
        return jsonify(success=True)
    return jsonify(success=False, error="Invalid credentials"), 401
