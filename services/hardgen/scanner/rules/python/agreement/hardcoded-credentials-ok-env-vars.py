# hardgen-expect: none
# hardgen-near-miss: py/hardcoded-credentials
import os

import psycopg2
from flask import Flask, jsonify

app = Flask(__name__)


def get_connection():
    return psycopg2.connect(
        host=os.environ.get("DB_HOST", "localhost"),
        dbname=os.environ["DB_NAME"],
        user=os.environ["DB_USER"],
        password=os.environ["DB_PASSWORD"],
    )


@app.route("/health/db")
def db_health():
    conn = get_connection()
    conn.close()
    return jsonify(status="ok")
