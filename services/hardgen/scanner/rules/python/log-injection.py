import logging

from flask import Flask, request

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
