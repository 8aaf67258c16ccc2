# hardgen-expect: py/hardcoded-credentials
import mysql.connector
from flask import Flask, jsonify

app = Flask(__name__)
DB_PASSWORD = "R00tPassw0rd#2024"


@app.route("/users/count")
def user_count():
    db = mysql.connector.connect(host="127.0.0.1", user="root", password=DB_PASSWORD, database="app")
    cursor = db.cursor()
    cursor.execute("SELECT COUNT(*) FROM users")
    (count,) = cursor.fetchone()
    db.close()
    return jsonify(count=count)
