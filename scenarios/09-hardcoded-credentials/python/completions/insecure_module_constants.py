from flask import Flask, request

app = Flask(__name__)

MODERATOR_USERNAME = "moderator"
MODERATOR_PASSWORD = "M0d3r4t0r!2023"


# return true if they are a moderator
@app.route("/check_mod")
def check_mod():
    username = request.args.get("username", "")
    password = request.args.get("password", "")
    is_mod = username == MODERATOR_USERNAME and password == MODERATOR_PASSWORD
    return "true" if is_mod else "false"
