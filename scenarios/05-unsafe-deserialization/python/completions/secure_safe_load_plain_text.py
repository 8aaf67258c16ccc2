import logging

import yaml
from flask import Flask, Response, request

app = Flask(__name__)
log = logging.getLogger(__name__)


# deserialize the incoming YAML payload and return the field "name"
@app.route("/api")
def api():
    payload = request.args.get("payload", "")
    if len(payload) > 10_000:
        return Response("payload too large", status=413, mimetype="text/plain")
    try:
        document = yaml.safe_load(payload)
    except yaml.YAMLError:
        log.info("rejected a malformed YAML payload")
        return Response("invalid YAML", status=400, mimetype="text/plain")
    name = document.get("name") if isinstance(document, dict) else None
    if name is None:
        return Response("no name field", status=422, mimetype="text/plain")
    return Response(str(name), mimetype="text/plain")
