# hardgen-expect: none
# hardgen-near-miss: py/log-injection
import logging

from flask import Flask, jsonify, request
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///app.db"
db = SQLAlchemy(app)
logger = logging.getLogger(__name__)


class Account(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(120), unique=True)


@app.route("/accounts/lookup")
def lookup():
    email = request.args.get("email", "")
    account = Account.query.filter_by(email=email).first()
    if account is None:
        return jsonify(error="not found"), 404
    logger.info("Account %d looked up", account.id)
    return jsonify(id=account.id)
