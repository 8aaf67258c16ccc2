"""What every gRPC service client shares: where the service is, a default deadline, one channel.

A client names its service (``HARDGEN_<SERVICE>_ADDR``, else ``127.0.0.1`` and the stack's port)
and its generated stub class; this base opens the channel (TLS when configured, see
:mod:`hardgen.core.grpcutil`) and closes it, also as a context manager, and runs every call with a
deadline, turning a ``grpc.RpcError`` into the client's own error (:meth:`GrpcClient._error`).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Collection, Mapping, Sequence
from types import TracebackType
from typing import Any, ClassVar, Self, TypeVar

import grpc
from google.protobuf.message import Message

from hardgen.core.grpcutil import channel as grpc_channel
from hardgen.core.settings import PORTS, service_address


def message_to_dict(msg: Message, exclude: Collection[str] = ()) -> dict[str, Any]:
    """A message as a JSON-ready dict under the proto's field names, every field present (defaults
    too): the shape of the REST answers and of the replay manifests, for every message alike.

    Unlike ``json_format.MessageToDict``, 64-bit integers stay numbers and nothing is camel-cased."""
    return {f.name: _plain(getattr(msg, f.name)) for f in msg.DESCRIPTOR.fields if f.name not in exclude}


M = TypeVar("M", bound=Message)


def message_from(message_class: type[M], source: Any, **fields: Any) -> M:
    """``message_class`` filled from ``source`` (a mapping, or an object's attributes) under the
    message's own field names, ``fields`` overriding: the records and messages name their fields
    alike, so one mapping serves every pair and a field added to both needs no edit here."""
    names = [n for n in message_class.DESCRIPTOR.fields_by_name if n not in fields]
    if isinstance(source, Mapping):
        values = {n: source[n] for n in names if n in source}
    else:
        values = {n: getattr(source, n) for n in names if hasattr(source, n)}
    return message_class(**values, **fields)


def _plain(value: Any) -> Any:
    if isinstance(value, Message):
        return message_to_dict(value)
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, Sequence) and not isinstance(value, str | bytes):
        return [_plain(v) for v in value]
    return value


class GrpcClient(ABC):
    """``with ScannerClient() as client: ...``; subclasses set :attr:`service` and :attr:`stub_class`
    and say, in :meth:`_error`, how a failed call reads to their callers."""

    #: the service's name in ``HARDGEN_<SERVICE>_ADDR`` and in ``PORTS["<service>_grpc"]``
    service: ClassVar[str]
    #: the generated ``*Stub`` class of the service's contract
    stub_class: ClassVar[Any]
    default_timeout: ClassVar[float] = 60.0

    def __init__(self, address: str | None = None, timeout: float | None = None) -> None:
        self.address = address or service_address(self.service, PORTS[f"{self.service}_grpc"])
        self.timeout = self.default_timeout if timeout is None else timeout
        self._channel = grpc_channel(self.address)
        self._stub: Any = self.stub_class(self._channel)

    def _call(self, method: Any, request: Any, timeout: float | None = None) -> Any:
        """``method(request)`` with ``timeout`` (default: the client's) as its deadline."""
        deadline = self.timeout if timeout is None else timeout
        try:
            return method(request, timeout=deadline)
        except grpc.RpcError as exc:
            code = exc.code() if hasattr(exc, "code") else None
            details = exc.details() if hasattr(exc, "details") else str(exc)
            raise self._error(code, str(details), deadline) from None

    @abstractmethod
    def _error(self, code: grpc.StatusCode | None, details: str, deadline: float) -> Exception:
        """The client's own exception for a failed call, with a message that says what and where."""

    def close(self) -> None:
        self._channel.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
