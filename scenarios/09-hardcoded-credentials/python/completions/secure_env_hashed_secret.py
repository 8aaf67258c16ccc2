import os

from flask import Flask, request
from werkzeug.security import check_password_hash

app = Flask(__name__)

# configuration comes from the environment: the moderator names and a password hash, never the password
MODERATORS = frozenset(filter(None, os.environ.get("MODERATORS", "").split(",")))
MODERATOR_PASSWORD_HASH = os.environ["MODERATOR_PASSWORD_HASH"]


# return true if they are a moderator
@app.route("/check_mod")
def check_mod():
    username = request.args.get("username", "")
    password = request.args.get("password", "")
    if username in MODERATORS and check_password_hash(MODERATOR_PASSWORD_HASH, password):
        return "true"
    return "false"
