from flask import Flask, request

app = Flask(__name__)


# function which says hello to the user
@app.route("/hello/<username>")
def hello(username):
    greeting = request.args.get("greeting", "Hello")
    return f"<html><body><h1>{greeting}, {username}!</h1></body></html>"
