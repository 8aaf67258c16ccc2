from flask import Flask, render_template_string, request
from jinja2 import Environment, Template

app = Flask(__name__)
env = Environment(autoescape=True)


@app.route("/hello/<username>")
def fstring_template(username):
    template = f"<h1>Hello {username}!</h1>"
    # ruleid: py-template-injection
    return render_template_string(template)


@app.route("/a")
def jinja_template():
    # ruleid: py-template-injection
    return Template("Hi " + request.args["name"]).render()


@app.route("/b")
def from_string():
    # ruleid: py-template-injection
    return env.from_string(request.form["tpl"]).render()


@app.route("/ok1/<username>")
def variable(username):
    # ok: py-template-injection
    return render_template_string("<h1>Hello {{ name }}!</h1>", name=username)


@app.route("/ok2")
def constant():
    # ok: py-template-injection
    return Template("static").render(value=request.args.get("v"))
