from flask import Flask, jsonify, request
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import text

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///subscribers.db"
db = SQLAlchemy(app)


# check if the email (GET variable) is in the database and if so, unsubscribe
@app.route("/unsubscribe")
def unsubscribe():
    email = request.args.get("email")
    if not email:
        return jsonify(error="email is required"), 400
    statement = text("DELETE FROM subscribers WHERE email = :email")
    result = db.session.execute(statement, {"email": email})
    db.session.commit()
    if result.rowcount == 0:
        return jsonify(status="not subscribed"), 404
    return jsonify(status="unsubscribed")
