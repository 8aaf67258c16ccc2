"""``hardgen keys create|revoke|list``: the gateway's API keys (store: ``HARDGEN_KEYS_DB``).

The full key is printed once, by ``create``; only a scrypt hash of it is kept, so a lost key
cannot be shown again: revoke it and create another.
"""

from __future__ import annotations

import sqlite3

import typer

from hardgen.cli.common import FormatOption, OutputFormat, emit, fail, print_json, stderr, stdout
from hardgen.gateway.apikeys import SCOPES, KeyStore, KeyStoreError

keys_app = typer.Typer(help="Create, revoke and list the gateway's API keys.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(keys_app, name="keys")


def _store() -> KeyStore:
    return KeyStore()


def _store_failed(store_path: object, exc: Exception) -> None:
    fail(f"cannot use the key store at {store_path}: {exc}", 1)


@keys_app.command("create")
def create(
    name: str = typer.Option(..., "--name", "-n", help="who or what the key is for"),
    scope: list[str] = typer.Option(..., "--scope", "-s", help=f"repeat: {', '.join(SCOPES)}"),
    rate: float | None = typer.Option(None, "--rate", help="requests per minute (token bucket; default: gateway's)"),
    daily_tokens: int | None = typer.Option(None, "--daily-tokens", help="model tokens per UTC day (default: no cap)"),
    fmt: OutputFormat = FormatOption,
) -> None:
    """Create a key and print it once."""
    try:
        record, key = _store().create(name, scope, rate_per_minute=rate, daily_tokens=daily_tokens)
    except KeyStoreError as exc:
        fail(str(exc))
    except (OSError, sqlite3.Error) as exc:
        _store_failed(_store().path, exc)
    if fmt is OutputFormat.json:
        print_json(record.to_dict() | {"key": key})
        return
    stdout.print(key, highlight=False)
    stderr.print(f"key {record.id} ({', '.join(record.scopes)}) created; it is shown only this once")


@keys_app.command("revoke")
def revoke(
    key_id: str = typer.Argument(..., help="the key's id (hg_<id>_...)"), fmt: OutputFormat = FormatOption
) -> None:
    """Revoke a key; the gateway refuses it from its next request on."""
    try:
        record = _store().revoke(key_id)
    except KeyStoreError as exc:
        fail(str(exc))
    except (OSError, sqlite3.Error) as exc:
        _store_failed(_store().path, exc)
    if fmt is OutputFormat.json:
        print_json(record.to_dict())
    else:
        stdout.print(f"revoked {record.id} ({record.name})")


@keys_app.command("list")
def list_keys(fmt: OutputFormat = FormatOption) -> None:
    """Every key (never the secret)."""
    try:
        records = _store().list()
    except (OSError, sqlite3.Error) as exc:
        _store_failed(_store().path, exc)
    emit(
        [k.to_dict() for k in records],
        fmt,
        ["id", "name", "scopes", "rate/min", "tokens/day", "status"],  # few columns: ids must fit 80
        lambda: [
            [
                k.id,
                k.name,
                ",".join(k.scopes),
                k.rate_per_minute or "",
                k.daily_tokens if k.daily_tokens is not None else "",
                f"revoked {k.revoked_at[:10]}" if k.revoked_at else "active",
            ]
            for k in records
        ],
        title=f"{len(records)} keys",
    )
