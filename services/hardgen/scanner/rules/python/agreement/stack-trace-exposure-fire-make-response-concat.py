# hardgen-expect: py/stack-trace-exposure
from flask import Blueprint, make_response

import requests

bp = Blueprint("weather", __name__)


@bp.route("/weather")
def weather():
    try:
        resp = requests.get("https://api.example.com/weather?city=Berlin", timeout=5)
        resp.raise_for_status()
        return resp.json()
    except requests.RequestException as exc:
        return make_response("Upstream service failed: " + str(exc), 502)
