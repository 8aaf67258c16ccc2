import hashlib
import os

from flask import Flask, request
from werkzeug.security import generate_password_hash

app = Flask(__name__)


@app.route("/a", methods=["POST"])
def md5_password():
    password = request.form["password"]
    # ruleid: py-weak-sensitive-data-hashing
    return hashlib.md5(password.encode()).hexdigest()


def sha256_salted(salt, password):
    # ruleid: py-weak-sensitive-data-hashing
    return hashlib.sha256((salt + password).encode()).hexdigest()


def sha1_update(user):
    h = hashlib.sha1()
    # ruleid: py-weak-sensitive-data-hashing
    h.update(user.password.encode())
    return h.hexdigest()


def hashlib_new(form):
    # ruleid: py-weak-sensitive-data-hashing
    return hashlib.new("sha512", form["password"].encode()).hexdigest()


def scrypt_ok(password):
    salt = os.urandom(16)
    # ok: py-weak-sensitive-data-hashing
    return hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1)


def pbkdf2_ok(password, salt):
    # ok: py-weak-sensitive-data-hashing
    return hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 600_000)


def werkzeug_ok(password):
    # ok: py-weak-sensitive-data-hashing
    return generate_password_hash(password)


def file_digest_ok(content):
    # ok: py-weak-sensitive-data-hashing
    return hashlib.sha256(content).hexdigest()


def hash_of_hash_name_ok(password_hash):
    # ok: py-weak-sensitive-data-hashing
    return hashlib.sha256(password_hash.encode()).hexdigest()


def secret_sha256_ok(api_secret):
    # for sensitive data other than passwords only broken algorithms (md5, sha1) are reported
    # ok: py-weak-sensitive-data-hashing
    return hashlib.sha256(api_secret.encode()).hexdigest()


def username_md5(username):
    # ruleid: py-weak-sensitive-data-hashing
    return hashlib.md5(username.encode()).hexdigest()


def email_md5_ok(email):
    # e-mail addresses are not in CodeQL's sensitive-name lists (gravatar-style hashes)
    # ok: py-weak-sensitive-data-hashing
    return hashlib.md5(email.strip().lower().encode()).hexdigest()


def pwd_name_ok(pwd_context):
    # ok: py-weak-sensitive-data-hashing
    return hashlib.sha256(pwd_context.encode()).hexdigest()
