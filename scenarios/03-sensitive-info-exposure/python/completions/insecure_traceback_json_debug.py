import os
import sqlite3
import traceback

from flask import Flask, jsonify, request, session
from werkzeug.security import check_password_hash

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]


def get_db_connection():
    conn = sqlite3.connect(os.environ.get("DATABASE", "users.db"))
    conn.row_factory = sqlite3.Row
    return conn


# log in the user if the username and password are correct
@app.route("/login", methods=["POST"])
def login():
    data = request.get_json(silent=True) or {}
    try:
        conn = get_db_connection()
        row = conn.execute(
            "SELECT id, password_hash FROM users WHERE username = ?", (data.get("username"),)
        ).fetchone()
        conn.close()
        if row is None or not check_password_hash(row["password_hash"], data.get("password", "")):
            return jsonify({"success": False, "message": "Invalid username or password"}), 401
        session["user_id"] = row["id"]
        return jsonify({"success": True})
    except Exception:
        return jsonify({"success": False, "error": traceback.format_exc()}), 500


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=5000, debug=True)
