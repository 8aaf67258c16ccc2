from hardgen.v1 import common_pb2 as _common_pb2
from hardgen.v1 import modelserve_pb2 as _modelserve_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class WorkItem(_message.Message):
    __slots__ = ("id", "study", "language", "model", "scenario", "strategy", "index", "seed", "temperature", "max_new_tokens", "engines", "options")
    class OptionsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ID_FIELD_NUMBER: _ClassVar[int]
    STUDY_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    MODEL_FIELD_NUMBER: _ClassVar[int]
    SCENARIO_FIELD_NUMBER: _ClassVar[int]
    STRATEGY_FIELD_NUMBER: _ClassVar[int]
    INDEX_FIELD_NUMBER: _ClassVar[int]
    SEED_FIELD_NUMBER: _ClassVar[int]
    TEMPERATURE_FIELD_NUMBER: _ClassVar[int]
    MAX_NEW_TOKENS_FIELD_NUMBER: _ClassVar[int]
    ENGINES_FIELD_NUMBER: _ClassVar[int]
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    id: str
    study: str
    language: str
    model: str
    scenario: int
    strategy: str
    index: int
    seed: int
    temperature: float
    max_new_tokens: int
    engines: _containers.RepeatedScalarFieldContainer[str]
    options: _containers.ScalarMap[str, str]
    def __init__(self, id: _Optional[str] = ..., study: _Optional[str] = ..., language: _Optional[str] = ..., model: _Optional[str] = ..., scenario: _Optional[int] = ..., strategy: _Optional[str] = ..., index: _Optional[int] = ..., seed: _Optional[int] = ..., temperature: _Optional[float] = ..., max_new_tokens: _Optional[int] = ..., engines: _Optional[_Iterable[str]] = ..., options: _Optional[_Mapping[str, str]] = ...) -> None: ...

class SampleGenerated(_message.Message):
    __slots__ = ("sample_id", "item", "code", "code_hash", "raw_response", "parses", "prompts", "stats", "error", "template_versions")
    class TemplateVersionsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    SAMPLE_ID_FIELD_NUMBER: _ClassVar[int]
    ITEM_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    CODE_HASH_FIELD_NUMBER: _ClassVar[int]
    RAW_RESPONSE_FIELD_NUMBER: _ClassVar[int]
    PARSES_FIELD_NUMBER: _ClassVar[int]
    PROMPTS_FIELD_NUMBER: _ClassVar[int]
    STATS_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    TEMPLATE_VERSIONS_FIELD_NUMBER: _ClassVar[int]
    sample_id: str
    item: WorkItem
    code: str
    code_hash: str
    raw_response: str
    parses: bool
    prompts: _containers.RepeatedCompositeFieldContainer[_common_pb2.PromptRecord]
    stats: _common_pb2.CallStats
    error: str
    template_versions: _containers.ScalarMap[str, str]
    def __init__(self, sample_id: _Optional[str] = ..., item: _Optional[_Union[WorkItem, _Mapping]] = ..., code: _Optional[str] = ..., code_hash: _Optional[str] = ..., raw_response: _Optional[str] = ..., parses: _Optional[bool] = ..., prompts: _Optional[_Iterable[_Union[_common_pb2.PromptRecord, _Mapping]]] = ..., stats: _Optional[_Union[_common_pb2.CallStats, _Mapping]] = ..., error: _Optional[str] = ..., template_versions: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ScanCompleted(_message.Message):
    __slots__ = ("sample_id", "study", "findings", "errors", "engines", "rule_pack_version", "profile")
    SAMPLE_ID_FIELD_NUMBER: _ClassVar[int]
    STUDY_FIELD_NUMBER: _ClassVar[int]
    FINDINGS_FIELD_NUMBER: _ClassVar[int]
    ERRORS_FIELD_NUMBER: _ClassVar[int]
    ENGINES_FIELD_NUMBER: _ClassVar[int]
    RULE_PACK_VERSION_FIELD_NUMBER: _ClassVar[int]
    PROFILE_FIELD_NUMBER: _ClassVar[int]
    sample_id: str
    study: str
    findings: _containers.RepeatedCompositeFieldContainer[_common_pb2.Finding]
    errors: _containers.RepeatedCompositeFieldContainer[_common_pb2.FileError]
    engines: _containers.RepeatedScalarFieldContainer[str]
    rule_pack_version: str
    profile: str
    def __init__(self, sample_id: _Optional[str] = ..., study: _Optional[str] = ..., findings: _Optional[_Iterable[_Union[_common_pb2.Finding, _Mapping]]] = ..., errors: _Optional[_Iterable[_Union[_common_pb2.FileError, _Mapping]]] = ..., engines: _Optional[_Iterable[str]] = ..., rule_pack_version: _Optional[str] = ..., profile: _Optional[str] = ...) -> None: ...

class FineTuneWork(_message.Message):
    __slots__ = ("id", "study", "request")
    ID_FIELD_NUMBER: _ClassVar[int]
    STUDY_FIELD_NUMBER: _ClassVar[int]
    REQUEST_FIELD_NUMBER: _ClassVar[int]
    id: str
    study: str
    request: _modelserve_pb2.FineTuneRequest
    def __init__(self, id: _Optional[str] = ..., study: _Optional[str] = ..., request: _Optional[_Union[_modelserve_pb2.FineTuneRequest, _Mapping]] = ...) -> None: ...
