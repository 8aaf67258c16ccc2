from hardgen.v1 import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ListStudiesRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class StudySummary(_message.Message):
    __slots__ = ("name", "samples", "findings", "created_at")
    NAME_FIELD_NUMBER: _ClassVar[int]
    SAMPLES_FIELD_NUMBER: _ClassVar[int]
    FINDINGS_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    name: str
    samples: int
    findings: int
    created_at: str
    def __init__(self, name: _Optional[str] = ..., samples: _Optional[int] = ..., findings: _Optional[int] = ..., created_at: _Optional[str] = ...) -> None: ...

class ListStudiesResponse(_message.Message):
    __slots__ = ("studies",)
    STUDIES_FIELD_NUMBER: _ClassVar[int]
    studies: _containers.RepeatedCompositeFieldContainer[StudySummary]
    def __init__(self, studies: _Optional[_Iterable[_Union[StudySummary, _Mapping]]] = ...) -> None: ...

class GetTableRequest(_message.Message):
    __slots__ = ("study", "name", "format")
    STUDY_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    FORMAT_FIELD_NUMBER: _ClassVar[int]
    study: str
    name: str
    format: str
    def __init__(self, study: _Optional[str] = ..., name: _Optional[str] = ..., format: _Optional[str] = ...) -> None: ...

class GetTableResponse(_message.Message):
    __slots__ = ("name", "format", "content")
    NAME_FIELD_NUMBER: _ClassVar[int]
    FORMAT_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    name: str
    format: str
    content: str
    def __init__(self, name: _Optional[str] = ..., format: _Optional[str] = ..., content: _Optional[str] = ...) -> None: ...

class StudyProgressRequest(_message.Message):
    __slots__ = ("study",)
    STUDY_FIELD_NUMBER: _ClassVar[int]
    study: str
    def __init__(self, study: _Optional[str] = ...) -> None: ...

class CellProgress(_message.Message):
    __slots__ = ("language", "model", "scenario", "strategy", "generated", "scanned", "failed")
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    MODEL_FIELD_NUMBER: _ClassVar[int]
    SCENARIO_FIELD_NUMBER: _ClassVar[int]
    STRATEGY_FIELD_NUMBER: _ClassVar[int]
    GENERATED_FIELD_NUMBER: _ClassVar[int]
    SCANNED_FIELD_NUMBER: _ClassVar[int]
    FAILED_FIELD_NUMBER: _ClassVar[int]
    language: str
    model: str
    scenario: int
    strategy: str
    generated: int
    scanned: int
    failed: int
    def __init__(self, language: _Optional[str] = ..., model: _Optional[str] = ..., scenario: _Optional[int] = ..., strategy: _Optional[str] = ..., generated: _Optional[int] = ..., scanned: _Optional[int] = ..., failed: _Optional[int] = ...) -> None: ...

class StudyProgressResponse(_message.Message):
    __slots__ = ("cells", "generated", "scanned", "failed")
    CELLS_FIELD_NUMBER: _ClassVar[int]
    GENERATED_FIELD_NUMBER: _ClassVar[int]
    SCANNED_FIELD_NUMBER: _ClassVar[int]
    FAILED_FIELD_NUMBER: _ClassVar[int]
    cells: _containers.RepeatedCompositeFieldContainer[CellProgress]
    generated: int
    scanned: int
    failed: int
    def __init__(self, cells: _Optional[_Iterable[_Union[CellProgress, _Mapping]]] = ..., generated: _Optional[int] = ..., scanned: _Optional[int] = ..., failed: _Optional[int] = ...) -> None: ...

class GetReportRequest(_message.Message):
    __slots__ = ("study",)
    STUDY_FIELD_NUMBER: _ClassVar[int]
    study: str
    def __init__(self, study: _Optional[str] = ...) -> None: ...

class GetReportResponse(_message.Message):
    __slots__ = ("html",)
    HTML_FIELD_NUMBER: _ClassVar[int]
    html: str
    def __init__(self, html: _Optional[str] = ...) -> None: ...
