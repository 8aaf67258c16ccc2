import html

from flask import Flask, Response, jsonify, make_response, render_template, render_template_string, request
from markupsafe import escape

app = Flask(__name__)


@app.route("/hello/<username>")
def percent(username):
    # ruleid: py-reflective-xss
    return "Hello %s!" % username


@app.route("/a")
def fstring_tuple():
    name = request.args.get("name", "")
    # ruleid: py-reflective-xss
    return f"<h1>{name}</h1>", 200


@app.route("/b")
def make_response_concat():
    # ruleid: py-reflective-xss
    resp = make_response("<p>" + request.form["msg"] + "</p>")
    return resp


@app.route("/c")
def html_response():
    # ruleid: py-reflective-xss
    return Response(request.args["q"], mimetype="text/html")


@app.route("/d")
def dict_body():
    # ruleid: py-reflective-xss
    return {"echo": request.args.get("q")}


@app.route("/ok1/<username>")
def escaped(username):
    # ok: py-reflective-xss
    return f"<h1>Hello {escape(username)}</h1>"


@app.route("/ok2/<username>")
def html_escaped(username):
    # ok: py-reflective-xss
    return "<p>" + html.escape(username) + "</p>"


@app.route("/ok3/<username>")
def template_variable(username):
    # ok: py-reflective-xss
    return render_template_string("<h1>Hello {{ name }}</h1>", name=username)


@app.route("/ok4/<username>")
def plain_text(username):
    # ok: py-reflective-xss
    return Response("Hello " + username, mimetype="text/plain")


@app.route("/ok5")
def json_response():
    # ok: py-reflective-xss
    return jsonify(q=request.args.get("q"))


@app.route("/ok6")
def comparison():
    # ok: py-reflective-xss
    return str(request.args.get("q") == "yes")


@app.route("/ok7")
def template_file():
    # ok: py-reflective-xss
    return render_template("page.html", q=request.args.get("q"))


def not_a_route(value):
    # ok: py-reflective-xss
    return "<b>" + value + "</b>"


@app.route("/ok8/<username>")
def plain_text_variable(username):
    resp = Response("Hello " + username, mimetype="text/plain")
    # ok: py-reflective-xss
    return resp


@app.get("/ok9/<username>")
def shortcut_escaped(username):
    # ok: py-reflective-xss
    return "Hi " + str(escape(username))


@app.post("/e")
def shortcut_post():
    # ruleid: py-reflective-xss
    return "Saved " + request.form["title"]


@app.get("/f/<item>")
def shortcut_route_param(item):
    # ruleid: py-reflective-xss
    return f"<p>{item}</p>"
