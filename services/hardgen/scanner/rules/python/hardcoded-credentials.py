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


def login_helper(username, password):
    return username == "svc-user" and check_password_hash(lookup(username), password)


def positional_parameter():
    # a literal passed for a parameter named password of a function in the file
    # ruleid: py-hardcoded-credentials
    return login_helper("svc-user", "Winter2024!x")


def formatted_value(password):
    # CodeQL has no format-string exclusion: braces do not make it text
    # ruleid: py-hardcoded-credentials
    return password == "{abc}-token-xyz"


def username_keyword():
    # ruleid: py-hardcoded-credentials
    return User(username="administrator", email="admin@example.com")


def not_equal_ok(password):
    # only == comparisons are sinks in CodeQL
    # ok: py-hardcoded-credentials
    return password != "password123"


def subscript_ok(form):
    # the compared value must be a plain variable named like a credential
    # ok: py-hardcoded-credentials
    return form["password"] == "password123"


def secret_key_ok(app):
    # app.config["SECRET_KEY"] / jwt keys are not credential sinks of CodeQL's Python query
    # ok: py-hardcoded-credentials
    app.config["SECRET_KEY"] = "f3b1c2d9e8a7-secret"


def password_file_ok():
    # ok: py-hardcoded-credentials
    return load(password_file="/etc/app/credentials.txt")


def pin_number(pin_code, passcode):
    # ruleid: py-hardcoded-credentials
    return passcode == 987654321
