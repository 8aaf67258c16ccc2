import logging
import traceback

from flask import Flask, Response, jsonify, make_response, render_template

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
        return Response(str(exc), mimetype="text/plain")
    return "ok"


@app.route("/e")
def dict_with_message():
    try:
        work()
    except Exception as e:
        message = "Processing failed: " + str(e)
        # ruleid: py-stack-trace-exposure
        return {"status": "error", "message": message}, 500
    return "ok"


@app.route("/f")
def make_response_body():
    try:
        work()
    except OSError as e:
        # ruleid: py-stack-trace-exposure
        return make_response(jsonify({"error": str(e)}), 500)
    return "ok"


@app.errorhandler(500)
def handler_parameter(error):
    # the error handler's parameter is no caught exception in CodeQL, but jsonify is a response
    # ok: py-stack-trace-exposure
    return jsonify(error=str(error)), 500


@app.route("/ok3")
def repr_is_no_taint_step():
    try:
        work()
    except Exception as exc:
        # CodeQL has no taint step through repr()
        # ok: py-stack-trace-exposure
        return Response(repr(exc), mimetype="text/plain")
    return "ok"


@app.route("/ok4")
def exception_attribute():
    try:
        work()
    except OSError as exc:
        # attribute reads (other than __traceback__) are no taint step in CodeQL
        # ok: py-stack-trace-exposure
        return jsonify(error=exc.strerror), 500
    return "ok"


@app.route("/ok5")
def template_context():
    try:
        work()
    except Exception as exc:
        # render_template has no flow summary: the rendered page is not tainted
        # ok: py-stack-trace-exposure
        return render_template("error.html", error=str(exc)), 500
    return "ok"


@app.post("/ok6")
def flask2_shortcut_route():
    try:
        work()
    except Exception as exc:
        # CodeQL's Flask model registers handlers through route()/add_url_rule() only, so the
        # return value of an @app.post handler is no response body there
        # ok: py-stack-trace-exposure
        return str(exc), 500
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
