"""Transport security: a real scanner process serving gRPC over TLS (certificates made here with
``cryptography``), and a real ``nats-server`` requiring a user and password."""

from __future__ import annotations

import asyncio
import datetime as dt
import ipaddress
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import nats_process, scanner_process, wait_until


def _issue(tmp: Path, name: str) -> dict[str, Path]:
    """A CA and a server certificate for 127.0.0.1/localhost signed by it, as PEM files."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, f"{name} test CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )
    pem = serialization.Encoding.PEM
    files = {"ca": tmp / f"{name}-ca.pem", "cert": tmp / f"{name}-cert.pem", "key": tmp / f"{name}-key.pem"}
    files["ca"].write_bytes(ca.public_bytes(pem))
    files["cert"].write_bytes(cert.public_bytes(pem))
    files["key"].write_bytes(key.private_bytes(pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    return files


@pytest.fixture(scope="module")
def tls_scanner(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, Path], dict[str, Path]]]:
    tmp = tmp_path_factory.mktemp("tls")
    pki, other = _issue(tmp, "hardgen"), _issue(tmp, "stranger")
    env = os.environ | {
        "HARDGEN_TLS_CERT": str(pki["cert"]),
        "HARDGEN_TLS_KEY": str(pki["key"]),
        "HARDGEN_DATA": str(tmp / "data"),
    }
    with scanner_process(env, wait=False) as running:  # a plaintext probe cannot tell it is up: the test waits
        yield running.address, pki, other


def _health(address: str, monkeypatch: pytest.MonkeyPatch, ca: Path | None) -> str:
    from hardgen.core.clients.scanner import ScannerClient

    if ca is None:
        monkeypatch.delenv("HARDGEN_TLS_CA", raising=False)
    else:
        monkeypatch.setenv("HARDGEN_TLS_CA", str(ca))
    for var in ("HARDGEN_TLS_CERT", "HARDGEN_TLS_KEY", "HARDGEN_TLS_SERVER_NAME"):
        monkeypatch.delenv(var, raising=False)
    try:
        with ScannerClient(address) as client:
            return str(client.health(timeout=3.0).status)
    except Exception as exc:  # noqa: BLE001 - the failure kind is what the test looks at
        return type(exc).__name__


def test_scanner_grpc_over_tls(
    tls_scanner: tuple[str, dict[str, Path], dict[str, Path]], monkeypatch: pytest.MonkeyPatch
) -> None:
    address, pki, other = tls_scanner
    assert wait_until(lambda: _health(address, monkeypatch, pki["ca"]) == "SERVING", timeout=60, interval=0.3)
    # a plaintext client, or one trusting another CA, gets no answer from the TLS port
    assert _health(address, monkeypatch, None) != "SERVING"
    assert _health(address, monkeypatch, other["ca"]) != "SERVING"
    # the container health probe speaks TLS too when it is given the CA
    from hardgen.core.healthcheck import probe

    monkeypatch.setenv("HARDGEN_TLS_CA", str(pki["ca"]))
    assert probe(f"grpc://{address}/hardgen.v1.Scanner")


def test_half_configured_tls_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from hardgen.core.grpcutil import TLSConfigError, channel, server_credentials

    monkeypatch.setenv("HARDGEN_TLS_CERT", str(tmp_path / "missing.pem"))
    monkeypatch.delenv("HARDGEN_TLS_KEY", raising=False)
    with pytest.raises(TLSConfigError, match="HARDGEN_TLS_CERT=.*missing.pem"):
        server_credentials()
    monkeypatch.setenv("HARDGEN_TLS_CA", str(tmp_path / "nope.pem"))
    with pytest.raises(TLSConfigError, match="HARDGEN_TLS_CA"):
        channel("127.0.0.1:1")


@pytest.fixture()
def nats_with_password() -> Iterator[str]:
    with nats_process(None, "--user", "hardgen", "--pass", "s3cret-pass") as url:
        yield url


def test_nats_credentials_from_the_environment(nats_with_password: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from hardgen.core.studyrun import connect

    async def roundtrip() -> bytes:
        nc, _ = await connect(nats_with_password, reconnect_attempts=0)
        try:
            sub = await nc.subscribe("hardgen.test")
            await nc.publish("hardgen.test", b"ok")
            return bytes((await sub.next_msg(timeout=5)).data)
        finally:
            await nc.close()

    for var in ("HARDGEN_NATS_CREDS", "HARDGEN_NATS_TOKEN", "HARDGEN_NATS_USER", "HARDGEN_NATS_PASSWORD"):
        monkeypatch.delenv(var, raising=False)
    with pytest.raises(ConnectionError, match="authorization violation"):
        asyncio.run(roundtrip())
    monkeypatch.setenv("HARDGEN_NATS_USER", "hardgen")
    monkeypatch.setenv("HARDGEN_NATS_PASSWORD", "wrong")
    with pytest.raises(ConnectionError, match="authorization violation") as info:
        asyncio.run(roundtrip())
    assert "wrong" not in str(info.value)
    monkeypatch.setenv("HARDGEN_NATS_PASSWORD", "s3cret-pass")
    assert asyncio.run(roundtrip()) == b"ok"


def test_request_id_travels_over_grpc(
    tls_scanner: tuple[str, dict[str, Path], dict[str, Path]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A call made while the gateway's request id is set carries it; the scanner sends it back."""
    from hardgen.core.grpcutil import REQUEST_ID, REQUEST_ID_KEY, channel
    from hardgen.v1 import common_pb2, scanner_pb2_grpc

    address, pki, _ = tls_scanner
    monkeypatch.setenv("HARDGEN_TLS_CA", str(pki["ca"]))
    assert wait_until(lambda: _health(address, monkeypatch, pki["ca"]) == "SERVING", timeout=60, interval=0.3)
    token = REQUEST_ID.set("trace-8f2c")
    try:
        with channel(address) as chan:
            _, call = scanner_pb2_grpc.ScannerStub(chan).Health.with_call(common_pb2.HealthRequest(), timeout=5)
    finally:
        REQUEST_ID.reset(token)
    assert (REQUEST_ID_KEY, "trace-8f2c") in tuple(call.trailing_metadata())
    with channel(address) as chan:  # no id set: the server makes one up
        _, call = scanner_pb2_grpc.ScannerStub(chan).Health.with_call(common_pb2.HealthRequest(), timeout=5)
    assert len(dict(call.trailing_metadata())[REQUEST_ID_KEY]) == 32
