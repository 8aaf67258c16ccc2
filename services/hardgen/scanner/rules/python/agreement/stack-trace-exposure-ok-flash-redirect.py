# hardgen-expect: none
# hardgen-near-miss: py/stack-trace-exposure
from flask import Flask, flash, redirect, url_for

app = Flask(__name__)
app.secret_key = "dev"


def send_newsletter():
    raise ConnectionError("smtp down")


@app.route("/newsletter/send", methods=["POST"])
def newsletter():
    try:
        send_newsletter()
    except ConnectionError as e:
        flash(f"Sending failed: {e}")
        return redirect(url_for("dashboard"))
    return redirect(url_for("dashboard"))


@app.route("/dashboard")
def dashboard():
    return "dashboard"
