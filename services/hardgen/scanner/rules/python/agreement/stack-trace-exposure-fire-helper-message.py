# hardgen-expect: py/stack-trace-exposure
import os

from flask import Flask

app = Flask(__name__)


def error_page(message):
    return "<h1>Something went wrong</h1><p>" + message + "</p>"


@app.route("/disk")
def disk_usage():
    try:
        stats = os.statvfs("/")
        return {"free": stats.f_bavail * stats.f_frsize}
    except OSError as e:
        return error_page(str(e)), 500
