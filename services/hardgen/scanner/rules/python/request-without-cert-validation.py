import requests


def fetch(url):
    # ruleid: py-request-without-cert-validation
    return requests.get(url, verify=False, timeout=5)


def post(url, data):
    # ruleid: py-request-without-cert-validation
    return requests.post(url, data=data, timeout=5, verify=False)


def fetch_ok(url):
    # ok: py-request-without-cert-validation
    return requests.get(url, timeout=5)


def fetch_ca_ok(url):
    # ok: py-request-without-cert-validation
    return requests.get(url, verify="/etc/ssl/certs/ca.pem", timeout=5)
