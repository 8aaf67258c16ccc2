# hardgen-expect: none
# hardgen-near-miss: py/stack-trace-exposure
from flask import Flask, render_template

app = Flask(__name__)


def load_profile():
    raise RuntimeError("profile store unavailable")


@app.route("/profile")
def profile():
    try:
        data = load_profile()
    except RuntimeError as exc:
        return render_template("error.html", message=str(exc)), 503
    return render_template("profile.html", profile=data)
