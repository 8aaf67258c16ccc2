import functools

from flask import Flask, redirect, session
from flask_login import current_user, login_required

app = Flask(__name__)


def ensure_logged_in(f):
    @functools.wraps(f)
    def decorated_function(*args, **kws):
        if session.get("username") is None:
            return redirect("/login")
        return f(*args, **kws)

    return decorated_function


@app.route("/settings", methods=["GET", "POST"])
# ruleid: py-hardgen-missing-authentication
def settings():
    return "<h1>Settings</h1>"


@app.route("/admin/delete_user/<int:user_id>", methods=["POST"])
# ruleid: py-hardgen-missing-authentication
def admin_delete_user(user_id):
    return "deleted"


@app.route("/account")
@app.route("/profile")
# ruleid: py-hardgen-missing-authentication
def account():
    user = session.get("username")
    return f"account of {user}"


@app.route("/settings2")
@ensure_logged_in
# ok: py-hardgen-missing-authentication
def settings_decorated():
    return "<h1>Settings</h1>"


@app.route("/settings3")
# ok: py-hardgen-missing-authentication
def settings_inline_check():
    if "username" not in session:
        return redirect("/login")
    return "<h1>Settings</h1>"


@app.route("/settings4")
# ok: py-hardgen-missing-authentication
def settings_session_variable():
    username = session.get("username")
    if username is None:
        return redirect("/login")
    return "<h1>Settings</h1>"


@app.route("/dashboard")
@login_required
# ok: py-hardgen-missing-authentication
def dashboard():
    return "dash"


@app.route("/preferences")
# ok: py-hardgen-missing-authentication
def preferences():
    if not current_user.is_authenticated:
        return redirect("/login")
    return "prefs"


@app.route("/about")
# ok: py-hardgen-missing-authentication
def about():
    return "public page"


@app.post("/account/delete")
# ruleid: py-hardgen-missing-authentication
def delete_account():
    return "deleted"


@app.route("/forgot_password", methods=["GET", "POST"])
# ok: py-hardgen-missing-authentication
def forgot_password():
    return "we sent you a reset link"


@app.route("/change_password", methods=["POST"])
# ruleid: py-hardgen-missing-authentication
def change_password():
    return "changed"
