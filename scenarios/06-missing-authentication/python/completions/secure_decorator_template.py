import functools
import os
import sqlite3

from flask import Flask, redirect, render_template_string, request, session, url_for

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]

SETTINGS_TEMPLATE = """
<h1>Settings for {{ username }}</h1>
{% if saved %}<p>Saved {{ email }}.</p>{% endif %}
<form method="post"><input name="email" value="{{ email }}"><button>Save</button></form>
"""


def get_db_connection():
    conn = sqlite3.connect(os.environ.get("DATABASE", "users.db"))
    conn.row_factory = sqlite3.Row
    return conn


def ensure_logged_in(f):
    @functools.wraps(f)
    def decorated_function(*args, **kws):
        if session.get("username") is None:
            return redirect(url_for("login"))
        return f(*args, **kws)

    return decorated_function


@app.route("/login")
def login():
    return '<form action="/login" method="post"><input name="username"><input name="password" type="password"></form>'


# user settings page
@app.route("/settings", methods=["GET", "POST"])
@ensure_logged_in
def settings():
    username = session["username"]
    with get_db_connection() as conn:
        if request.method == "POST":
            conn.execute(
                "UPDATE users SET email = ? WHERE username = ?",
                (request.form.get("email", ""), username),
            )
        row = conn.execute("SELECT email FROM users WHERE username = ?", (username,)).fetchone()
    # Jinja autoescapes the values rendered into the template
    return render_template_string(
        SETTINGS_TEMPLATE,
        username=username,
        email=row["email"] if row else "",
        saved=request.method == "POST",
    )
