import hashlib
import logging

from flask import Flask, request

app = Flask(__name__)
logger = logging.getLogger(__name__)


@app.route("/a", methods=["POST"])
def log_password():
    password = request.form["password"]
    # ruleid: py-clear-text-logging-sensitive-data
    logger.debug("password=%s", password)
    return "ok"


def print_password(user, new_password):
    # ruleid: py-clear-text-logging-sensitive-data
    print(f"changing password of {user} to {new_password}")


def subscript(form):
    # ruleid: py-clear-text-logging-sensitive-data
    logging.info("form password: " + form["password"])


def username_ok(username):
    # ok: py-clear-text-logging-sensitive-data
    logger.info("user %s logged in", username)


def length_ok(password):
    # ok: py-clear-text-logging-sensitive-data
    logger.info("password length %d", len(password))


def hash_name_ok(password_hash):
    # ok: py-clear-text-logging-sensitive-data
    logger.info("stored %s", password_hash)
