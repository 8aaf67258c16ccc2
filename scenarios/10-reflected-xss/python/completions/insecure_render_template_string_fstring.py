from flask import Flask, render_template_string

app = Flask(__name__)


# function which says hello to the user
@app.route("/hello/<username>")
def hello(username):
    template = f"""
    <!doctype html>
    <title>Hello</title>
    <h1>Hello {username}!</h1>
    """
    return render_template_string(template)
