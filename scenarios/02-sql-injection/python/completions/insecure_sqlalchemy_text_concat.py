from flask import Flask, request
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
        return "No email provided", 400
    result = db.session.execute(text("SELECT id FROM subscribers WHERE email = '" + email + "'"))
    subscriber = result.first()
    if subscriber is None:
        return "This email is not subscribed", 404
    db.session.execute(text("DELETE FROM subscribers WHERE id = " + str(subscriber.id)))
    db.session.commit()
    return "Unsubscribed successfully"


if __name__ == "__main__":
    app.run(debug=True)
