# hardgen-expect: py/stack-trace-exposure
import traceback

from flask import Flask, Response

app = Flask(__name__)


def generate_report():
    rows = [("alice", 3), ("bob", 5)]
    return "\n".join(f"{name},{count}" for name, count in rows)


@app.route("/report.csv")
def report():
    try:
        body = generate_report()
    except Exception:
        return Response(traceback.format_exc(), status=500, mimetype="text/plain")
    return Response(body, mimetype="text/csv")
