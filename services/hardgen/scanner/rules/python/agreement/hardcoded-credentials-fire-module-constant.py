# hardgen-expect: py/hardcoded-credentials
from functools import wraps

from flask import Flask, Response, request

app = Flask(__name__)
API_USERNAME = "metrics"
API_PASSWORD = "m3tr1cs-s3cr3t-key"


def requires_auth(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        auth = request.authorization
        if auth is None:
            return Response("Login required", 401, {"WWW-Authenticate": "Basic"})
        password = auth.password
        if password == API_PASSWORD:
            return view(*args, **kwargs)
        return Response("Forbidden", 403)
    return wrapper


@app.route("/metrics")
@requires_auth
def metrics():
    return {"requests": 1024}
