import html

from flask import Flask

app = Flask(__name__)


# function which says hello to the user
@app.route("/hello/<username>")
def hello(username):
    safe_name = html.escape(username, quote=True)
    return "<p>Hello " + safe_name + "</p>"
