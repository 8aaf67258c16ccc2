from pathlib import Path

from flask import Flask, make_response, request
from werkzeug.security import generate_password_hash

app = Flask(__name__)


def to_file(username, password):
    with open("users.txt", "a") as fh:
        # ruleid: py-clear-text-storage-sensitive-data
        fh.write(f"{username}:{password}\n")


def to_path(new_password):
    # ruleid: py-clear-text-storage-sensitive-data
    Path("secret.txt").write_text(new_password)


@app.route("/login", methods=["POST"])
def to_cookie():
    resp = make_response("ok")
    # ruleid: py-clear-text-storage-sensitive-data
    resp.set_cookie("pw", request.form["password"], secure=True, httponly=True)
    return resp


def hashed_ok(username, password):
    with open("users.txt", "a") as fh:
        # ok: py-clear-text-storage-sensitive-data
        fh.write(f"{username}:{generate_password_hash(password)}\n")


def username_ok(username):
    with open("users.txt", "a") as fh:
        # ok: py-clear-text-storage-sensitive-data
        fh.write(username + "\n")


@app.route("/token")
def random_token_ok():
    import secrets

    resp = make_response("ok")
    # ok: py-clear-text-storage-sensitive-data
    resp.set_cookie("session_token", secrets.token_urlsafe(32), secure=True, httponly=True)
    return resp


def api_secret_to_file(api_secret):
    with open("config.txt", "w") as fh:
        # ruleid: py-clear-text-storage-sensitive-data
        fh.write(api_secret)
