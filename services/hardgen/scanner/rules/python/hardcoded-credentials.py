import os

import MySQLdb
from werkzeug.security import check_password_hash

ADMIN_PASSWORD = "Sup3rS3cret!"


def literal(username, password):
    # ruleid: py-hardcoded-credentials
    return password == "password123"


def literal_username(username):
    # ruleid: py-hardcoded-credentials
    return "site_moderator" == username


def constant(password):
    # ruleid: py-hardcoded-credentials
    return password == ADMIN_PASSWORD


def keyword():
    # ruleid: py-hardcoded-credentials
    return MySQLdb.connect(host="localhost", user="root", passwd="r00t-P4ssw0rd", db="app")


def short_literal_ok(password):
    # CodeQL ignores strings shorter than ten characters (too likely to be ordinary text)
    # ok: py-hardcoded-credentials
    return password == "admin123"


def sentence_ok(password):
    # ok: py-hardcoded-credentials
    return password == "please enter a password"


def env_ok():
    # ok: py-hardcoded-credentials
    return MySQLdb.connect(host="localhost", user="app", passwd=os.environ["DB_PASSWORD"], db="app")


def hashed_ok(stored_hash, password):
    # ok: py-hardcoded-credentials
    return check_password_hash(stored_hash, password)


def empty_ok(password):
    # ok: py-hardcoded-credentials
    return password == ""


def other_name_ok(role):
    # ok: py-hardcoded-credentials
    return role == "moderator-of-the-forum"
