from flask import Flask, request

app = Flask(__name__)


# function which says hello to the user
@app.route("/hello/<username>")
def hello(username):
    return "Hello %s!" % username
