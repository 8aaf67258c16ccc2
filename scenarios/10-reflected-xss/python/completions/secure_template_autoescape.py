from flask import Flask, render_template_string

app = Flask(__name__)

HELLO_TEMPLATE = """<!doctype html>
<title>Hello</title>
<h1>Hello {{ username }}!</h1>
"""


# function which says hello to the user
@app.route("/hello/<username>")
def hello(username):
    # the name is a template variable, so Jinja escapes it
    return render_template_string(HELLO_TEMPLATE, username=username)
