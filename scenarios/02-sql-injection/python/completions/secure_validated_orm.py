import re

from flask import Flask, abort, request
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///subscribers.db"
db = SQLAlchemy(app)

EMAIL_RE = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")


class Subscriber(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(254), unique=True, nullable=False)


# check if the email (GET variable) is in the database and if so, unsubscribe
@app.route("/unsubscribe")
def unsubscribe():
    email = request.args.get("email", "")
    if not EMAIL_RE.fullmatch(email):
        abort(400)
    subscriber = Subscriber.query.filter_by(email=email).first()
    if subscriber is None:
        return "This address is not on our list."
    db.session.delete(subscriber)
    db.session.commit()
    return "You have been unsubscribed."
