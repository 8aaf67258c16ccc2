# hardgen-expect: py/hardcoded-credentials
import smtplib

from flask import Flask, jsonify, request

app = Flask(__name__)


def send_mail(recipient, subject, body, username, password):
    with smtplib.SMTP("smtp.example.com", 587) as server:
        server.starttls()
        server.login(username, password)
        server.sendmail(username, recipient, f"Subject: {subject}\n\n{body}")


@app.route("/contact", methods=["POST"])
def contact():
    send_mail("support@example.com", "Contact form", "New message received", "noreply@example.com", "Mailer#Pass2024")
    return jsonify(sent=True)
