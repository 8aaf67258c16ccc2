from flask import Flask, jsonify

app = Flask(__name__)


# function which says hello to the user
@app.route("/hello/<username>")
def hello(username):
    return jsonify(message=f"Hello, {username}!")
