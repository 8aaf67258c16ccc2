# hardgen-expect: py/log-injection
import logging

from flask import Flask, request

app = Flask(__name__)
log = logging.getLogger(__name__)


@app.route("/download")
def download():
    agent = request.user_agent.string
    if "curl" in agent:
        log.error("Blocked download for agent {}".format(agent))
        return "Forbidden", 403
    return "file contents"
