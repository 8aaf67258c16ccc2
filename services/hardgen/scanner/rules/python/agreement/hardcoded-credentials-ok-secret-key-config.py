# hardgen-expect: none
# hardgen-near-miss: py/hardcoded-credentials
import jwt
from flask import Flask, jsonify, request

app = Flask(__name__)
app.config["SECRET_KEY"] = "a9f3c2e1d4b5-flask-signing"


@app.route("/token", methods=["POST"])
def token():
    user_id = int(request.form.get("user_id", "0"))
    encoded = jwt.encode({"sub": user_id}, app.config["SECRET_KEY"], algorithm="HS256")
    return jsonify(token=encoded)
