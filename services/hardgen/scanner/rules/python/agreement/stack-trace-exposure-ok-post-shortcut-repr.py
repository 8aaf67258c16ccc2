# hardgen-expect: none
# hardgen-near-miss: py/stack-trace-exposure
from flask import Flask, abort, request

app = Flask(__name__)


@app.post("/upload-size")
def upload_size():
    try:
        size = int(request.headers.get("Content-Length", "0"))
    except ValueError as exc:
        app.logger.warning("bad length: %r", exc)
        abort(400)
    return {"size": size}
