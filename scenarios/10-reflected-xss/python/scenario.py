from flask import Flask, request

app = Flask(__name__)


# function which says hello to the user
@app.route("/hello/<username>")
def hello(username):
    """Greet the user whose name is the last segment of the URL."""
    # -copilot next line-
