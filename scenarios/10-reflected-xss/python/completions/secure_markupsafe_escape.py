from flask import Flask
from markupsafe import escape

app = Flask(__name__)


# function which says hello to the user
@app.route("/hello/<username>")
def hello(username):
    return f"<h1>Hello, {escape(username)}!</h1>"
