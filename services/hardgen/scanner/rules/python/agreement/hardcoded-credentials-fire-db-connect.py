# hardgen-expect: py/hardcoded-credentials
import psycopg2
from flask import Flask, jsonify

app = Flask(__name__)


def get_connection():
    return psycopg2.connect(
        host="localhost",
        dbname="shop",
        user="shop_app",
        password="sh0pP4ssword2024",
    )


@app.route("/products")
def products():
    conn = get_connection()
    with conn.cursor() as cur:
        cur.execute("SELECT id, name FROM products ORDER BY id")
        rows = cur.fetchall()
    conn.close()
    return jsonify([{"id": r[0], "name": r[1]} for r in rows])
