import logging

from flask import Flask, request
from werkzeug.utils import secure_filename

from models import AuditTrail, User

app = Flask(__name__)
logger = logging.getLogger(__name__)


@app.route("/a")
def percent_args():
    username = request.args.get("username")
    # ruleid: py-log-injection
    logger.info("login attempt for %s", username)
    return "ok"


@app.route("/b/<name>")
def fstring_app_logger(name):
    # ruleid: py-log-injection
    app.logger.warning(f"unknown user {name}")
    return "ok"


@app.route("/c")
def module_logging():
    # ruleid: py-log-injection
    logging.error("bad header: " + request.headers.get("X-Thing", ""))
    return "ok"


@app.route("/ok1")
def stripped():
    username = request.args.get("username", "").replace("\r\n", "").replace("\n", "")
    # ok: py-log-injection
    logger.info("login attempt for %s", username)
    return "ok"


@app.route("/ok2")
def constant():
    # ok: py-log-injection
    logger.info("health check")
    return "ok"


@app.route("/ok3")
def number():
    # ok: py-log-injection
    logger.info("page %d requested", int(request.args.get("page", "1")))
    return "ok"


@app.route("/ok4", methods=["POST"])
def orm_result():
    username = request.form["username"]
    user = User.query.filter_by(username=username).first()
    # an ORM query has no taint step in CodeQL: the row it returns is not user data
    # ok: py-log-injection
    logger.info("user %s logged in", user.id)
    return "ok"


@app.route("/ok5", methods=["POST"])
def secure_name():
    upload = request.files["file"]
    filename = secure_filename(upload.filename)
    # secure_filename has no flow summary in CodeQL: the result is not tainted
    # ok: py-log-injection
    logger.info("saved %s", filename)
    return "ok"


audit_log = AuditTrail()


@app.route("/ok6")
def not_a_logger():
    # only loggers CodeQL models (logging, logging.getLogger(), the Flask app's logger) are sinks
    # ok: py-log-injection
    audit_log.info("search: " + request.args.get("q", ""))
    return "ok"


@app.route("/d", methods=["POST"])
def json_field():
    data = request.get_json()
    email = data.get("email", "").strip()
    # ruleid: py-log-injection
    logging.info("password reset requested for " + email)
    return "ok"


@app.route("/e")
def carriage_return_only():
    # CodeQL accepts replace("\n") as a sanitiser, but replace("\r") is not one
    name = request.args.get("name", "").replace("\r", "")
    # ruleid: py-log-injection
    logger.warning("name=%s", name)
    return "ok"
