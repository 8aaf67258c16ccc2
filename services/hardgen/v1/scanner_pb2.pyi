from hardgen.v1 import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ScanRequest(_message.Message):
    __slots__ = ("files", "engines", "timeout_seconds", "profile")
    FILES_FIELD_NUMBER: _ClassVar[int]
    ENGINES_FIELD_NUMBER: _ClassVar[int]
    TIMEOUT_SECONDS_FIELD_NUMBER: _ClassVar[int]
    PROFILE_FIELD_NUMBER: _ClassVar[int]
    files: _containers.RepeatedCompositeFieldContainer[_common_pb2.SourceFile]
    engines: _containers.RepeatedScalarFieldContainer[str]
    timeout_seconds: float
    profile: str
    def __init__(self, files: _Optional[_Iterable[_Union[_common_pb2.SourceFile, _Mapping]]] = ..., engines: _Optional[_Iterable[str]] = ..., timeout_seconds: _Optional[float] = ..., profile: _Optional[str] = ...) -> None: ...

class ScanResponse(_message.Message):
    __slots__ = ("findings", "errors", "skipped", "files_scanned", "duration_ms", "rule_pack_version", "cache_hits", "profile")
    FINDINGS_FIELD_NUMBER: _ClassVar[int]
    ERRORS_FIELD_NUMBER: _ClassVar[int]
    SKIPPED_FIELD_NUMBER: _ClassVar[int]
    FILES_SCANNED_FIELD_NUMBER: _ClassVar[int]
    DURATION_MS_FIELD_NUMBER: _ClassVar[int]
    RULE_PACK_VERSION_FIELD_NUMBER: _ClassVar[int]
    CACHE_HITS_FIELD_NUMBER: _ClassVar[int]
    PROFILE_FIELD_NUMBER: _ClassVar[int]
    findings: _containers.RepeatedCompositeFieldContainer[_common_pb2.Finding]
    errors: _containers.RepeatedCompositeFieldContainer[_common_pb2.FileError]
    skipped: _containers.RepeatedScalarFieldContainer[str]
    files_scanned: int
    duration_ms: float
    rule_pack_version: str
    cache_hits: int
    profile: str
    def __init__(self, findings: _Optional[_Iterable[_Union[_common_pb2.Finding, _Mapping]]] = ..., errors: _Optional[_Iterable[_Union[_common_pb2.FileError, _Mapping]]] = ..., skipped: _Optional[_Iterable[str]] = ..., files_scanned: _Optional[int] = ..., duration_ms: _Optional[float] = ..., rule_pack_version: _Optional[str] = ..., cache_hits: _Optional[int] = ..., profile: _Optional[str] = ...) -> None: ...
