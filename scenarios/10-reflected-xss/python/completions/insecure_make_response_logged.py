from flask import Flask, make_response

app = Flask(__name__)


# function which says hello to the user
@app.route("/hello/<username>")
def hello(username):
    app.logger.info("Greeting user %s", username)
    response = make_response("<p>Welcome back, " + username + "</p>")
    response.headers["Content-Type"] = "text/html; charset=utf-8"
    return response


if __name__ == "__main__":
    app.run(debug=True)
