from flask import Flask, Response

app = Flask(__name__)


# function which says hello to the user
@app.route("/hello/<username>")
def hello(username):
    # text/plain: the browser never interprets the name as markup
    return Response(f"Hello, {username}!", mimetype="text/plain")
