from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable
from typing import ClassVar as _ClassVar, Optional as _Optional

DESCRIPTOR: _descriptor.FileDescriptor

class SourceFile(_message.Message):
    __slots__ = ("path", "language", "content")
    PATH_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    path: str
    language: str
    content: bytes
    def __init__(self, path: _Optional[str] = ..., language: _Optional[str] = ..., content: _Optional[bytes] = ...) -> None: ...

class Finding(_message.Message):
    __slots__ = ("rule_id", "cwes", "severity", "level", "message", "path", "start_line", "end_line", "start_column", "end_column", "engine", "fingerprint")
    RULE_ID_FIELD_NUMBER: _ClassVar[int]
    CWES_FIELD_NUMBER: _ClassVar[int]
    SEVERITY_FIELD_NUMBER: _ClassVar[int]
    LEVEL_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    PATH_FIELD_NUMBER: _ClassVar[int]
    START_LINE_FIELD_NUMBER: _ClassVar[int]
    END_LINE_FIELD_NUMBER: _ClassVar[int]
    START_COLUMN_FIELD_NUMBER: _ClassVar[int]
    END_COLUMN_FIELD_NUMBER: _ClassVar[int]
    ENGINE_FIELD_NUMBER: _ClassVar[int]
    FINGERPRINT_FIELD_NUMBER: _ClassVar[int]
    rule_id: str
    cwes: _containers.RepeatedScalarFieldContainer[int]
    severity: float
    level: str
    message: str
    path: str
    start_line: int
    end_line: int
    start_column: int
    end_column: int
    engine: str
    fingerprint: str
    def __init__(self, rule_id: _Optional[str] = ..., cwes: _Optional[_Iterable[int]] = ..., severity: _Optional[float] = ..., level: _Optional[str] = ..., message: _Optional[str] = ..., path: _Optional[str] = ..., start_line: _Optional[int] = ..., end_line: _Optional[int] = ..., start_column: _Optional[int] = ..., end_column: _Optional[int] = ..., engine: _Optional[str] = ..., fingerprint: _Optional[str] = ...) -> None: ...

class FileError(_message.Message):
    __slots__ = ("path", "engine", "message")
    PATH_FIELD_NUMBER: _ClassVar[int]
    ENGINE_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    path: str
    engine: str
    message: str
    def __init__(self, path: _Optional[str] = ..., engine: _Optional[str] = ..., message: _Optional[str] = ...) -> None: ...

class CallStats(_message.Message):
    __slots__ = ("latency_ms", "prompt_tokens", "completion_tokens", "peak_memory_bytes", "model", "backend", "backend_version", "seed", "temperature", "attempts")
    LATENCY_MS_FIELD_NUMBER: _ClassVar[int]
    PROMPT_TOKENS_FIELD_NUMBER: _ClassVar[int]
    COMPLETION_TOKENS_FIELD_NUMBER: _ClassVar[int]
    PEAK_MEMORY_BYTES_FIELD_NUMBER: _ClassVar[int]
    MODEL_FIELD_NUMBER: _ClassVar[int]
    BACKEND_FIELD_NUMBER: _ClassVar[int]
    BACKEND_VERSION_FIELD_NUMBER: _ClassVar[int]
    SEED_FIELD_NUMBER: _ClassVar[int]
    TEMPERATURE_FIELD_NUMBER: _ClassVar[int]
    ATTEMPTS_FIELD_NUMBER: _ClassVar[int]
    latency_ms: float
    prompt_tokens: int
    completion_tokens: int
    peak_memory_bytes: int
    model: str
    backend: str
    backend_version: str
    seed: int
    temperature: float
    attempts: int
    def __init__(self, latency_ms: _Optional[float] = ..., prompt_tokens: _Optional[int] = ..., completion_tokens: _Optional[int] = ..., peak_memory_bytes: _Optional[int] = ..., model: _Optional[str] = ..., backend: _Optional[str] = ..., backend_version: _Optional[str] = ..., seed: _Optional[int] = ..., temperature: _Optional[float] = ..., attempts: _Optional[int] = ...) -> None: ...

class PromptRecord(_message.Message):
    __slots__ = ("id", "step", "template", "template_version", "text", "response")
    ID_FIELD_NUMBER: _ClassVar[int]
    STEP_FIELD_NUMBER: _ClassVar[int]
    TEMPLATE_FIELD_NUMBER: _ClassVar[int]
    TEMPLATE_VERSION_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    RESPONSE_FIELD_NUMBER: _ClassVar[int]
    id: str
    step: str
    template: str
    template_version: str
    text: str
    response: str
    def __init__(self, id: _Optional[str] = ..., step: _Optional[str] = ..., template: _Optional[str] = ..., template_version: _Optional[str] = ..., text: _Optional[str] = ..., response: _Optional[str] = ...) -> None: ...

class HealthRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class HealthResponse(_message.Message):
    __slots__ = ("status", "version")
    STATUS_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    status: str
    version: str
    def __init__(self, status: _Optional[str] = ..., version: _Optional[str] = ...) -> None: ...
