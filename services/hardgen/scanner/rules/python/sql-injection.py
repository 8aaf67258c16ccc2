import sqlite3

from flask import Flask, request
from sqlalchemy import text

app = Flask(__name__)


def db():
    return sqlite3.connect("app.db")


@app.route("/a")
def fstring():
    email = request.args.get("email")
    cur = db().cursor()
    # ruleid: py-sql-injection
    cur.execute(f"DELETE FROM subscribers WHERE email = '{email}'")


@app.route("/b")
def percent():
    email = request.args["email"]
    query = "SELECT * FROM subscribers WHERE email = '%s'" % email
    # ruleid: py-sql-injection
    db().execute(query)


@app.route("/c/<name>")
def concat_route_param(name):
    # ruleid: py-sql-injection
    db().executescript("DELETE FROM users WHERE name = '" + name + "';")


@app.route("/d")
def format_and_text(session):
    q = "SELECT id FROM t WHERE x = '{}'".format(request.form["x"])
    # ruleid: py-sql-injection
    session.execute(text(q))


@app.route("/ok1")
def qmark():
    email = request.args.get("email")
    # ok: py-sql-injection
    db().execute("DELETE FROM subscribers WHERE email = ?", (email,))


@app.route("/ok2")
def named():
    # ok: py-sql-injection
    db().execute("SELECT * FROM t WHERE email = :email", {"email": request.args.get("email")})


@app.route("/ok3")
def bound_text(session):
    # ok: py-sql-injection
    session.execute(text("DELETE FROM t WHERE email = :email"), {"email": request.args["email"]})


@app.route("/ok4")
def int_cast():
    user_id = int(request.args.get("id", "0"))
    # ok: py-sql-injection
    db().execute(f"SELECT * FROM users WHERE id = {user_id}")
