import logging
import traceback

from flask import Flask, Response, jsonify

app = Flask(__name__)


def work():
    return 1


@app.route("/a")
def str_exception():
    try:
        return str(work())
    except Exception as e:
        # ruleid: py-stack-trace-exposure
        return str(e), 500


@app.route("/b")
def fstring_exception():
    try:
        work()
    except ValueError as err:
        # ruleid: py-stack-trace-exposure
        return f"Error: {err}", 400
    return "ok"


@app.route("/c")
def traceback_json():
    try:
        work()
    except Exception:
        # ruleid: py-stack-trace-exposure
        return jsonify(error=traceback.format_exc()), 500
    return "ok"


@app.route("/d")
def text_plain_still_exposed():
    try:
        work()
    except Exception as exc:
        # ruleid: py-stack-trace-exposure
        return Response(repr(exc), mimetype="text/plain")
    return "ok"


@app.route("/ok1")
def logged_only():
    try:
        work()
    except Exception:
        # ok: py-stack-trace-exposure
        logging.exception("work failed")
        # ok: py-stack-trace-exposure
        return "Internal error", 500
    return "ok"


@app.route("/ok2")
def generic_json():
    try:
        work()
    except Exception as e:
        logging.error("failed: %s", e)
        # ok: py-stack-trace-exposure
        return jsonify(error="internal error"), 500
    return "ok"


def not_a_route():
    try:
        work()
    except Exception as e:
        # ok: py-stack-trace-exposure
        return str(e)
