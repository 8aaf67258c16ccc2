import os

from flask import Flask

app = Flask(__name__)

if __name__ == "__main__":
    # ruleid: py-flask-debug
    app.run(debug=True)


def main():
    # ruleid: py-flask-debug
    app.run(host="127.0.0.1", port=5000, debug=True)


def prod():
    # ok: py-flask-debug
    app.run(debug=False)


def env_flag():
    # ok: py-flask-debug
    app.run(debug=os.environ.get("FLASK_DEBUG") == "1")


class Other:
    def run(self, debug):
        return debug


other = Other()
# ok: py-flask-debug
other.run(debug=True)
