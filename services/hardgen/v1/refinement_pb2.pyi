from hardgen.v1 import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class GenerateRequest(_message.Message):
    __slots__ = ("scenario", "prompt", "language", "model", "strategy", "n", "seed", "temperature", "max_new_tokens", "scan", "options")
    class OptionsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    SCENARIO_FIELD_NUMBER: _ClassVar[int]
    PROMPT_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    MODEL_FIELD_NUMBER: _ClassVar[int]
    STRATEGY_FIELD_NUMBER: _ClassVar[int]
    N_FIELD_NUMBER: _ClassVar[int]
    SEED_FIELD_NUMBER: _ClassVar[int]
    TEMPERATURE_FIELD_NUMBER: _ClassVar[int]
    MAX_NEW_TOKENS_FIELD_NUMBER: _ClassVar[int]
    SCAN_FIELD_NUMBER: _ClassVar[int]
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    scenario: int
    prompt: str
    language: str
    model: str
    strategy: str
    n: int
    seed: int
    temperature: float
    max_new_tokens: int
    scan: bool
    options: _containers.ScalarMap[str, str]
    def __init__(self, scenario: _Optional[int] = ..., prompt: _Optional[str] = ..., language: _Optional[str] = ..., model: _Optional[str] = ..., strategy: _Optional[str] = ..., n: _Optional[int] = ..., seed: _Optional[int] = ..., temperature: _Optional[float] = ..., max_new_tokens: _Optional[int] = ..., scan: _Optional[bool] = ..., options: _Optional[_Mapping[str, str]] = ...) -> None: ...

class GeneratedSample(_message.Message):
    __slots__ = ("id", "index", "code", "raw_response", "parses", "strategy", "prompts", "stats", "findings", "error", "template_versions", "language", "scenario", "model", "seed", "extracted", "extraction", "merged", "prompt_stats", "prompt_cached", "notes", "scanned")
    class TemplateVersionsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    class NotesEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ID_FIELD_NUMBER: _ClassVar[int]
    INDEX_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    RAW_RESPONSE_FIELD_NUMBER: _ClassVar[int]
    PARSES_FIELD_NUMBER: _ClassVar[int]
    STRATEGY_FIELD_NUMBER: _ClassVar[int]
    PROMPTS_FIELD_NUMBER: _ClassVar[int]
    STATS_FIELD_NUMBER: _ClassVar[int]
    FINDINGS_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    TEMPLATE_VERSIONS_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    SCENARIO_FIELD_NUMBER: _ClassVar[int]
    MODEL_FIELD_NUMBER: _ClassVar[int]
    SEED_FIELD_NUMBER: _ClassVar[int]
    EXTRACTED_FIELD_NUMBER: _ClassVar[int]
    EXTRACTION_FIELD_NUMBER: _ClassVar[int]
    MERGED_FIELD_NUMBER: _ClassVar[int]
    PROMPT_STATS_FIELD_NUMBER: _ClassVar[int]
    PROMPT_CACHED_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    SCANNED_FIELD_NUMBER: _ClassVar[int]
    id: str
    index: int
    code: str
    raw_response: str
    parses: bool
    strategy: str
    prompts: _containers.RepeatedCompositeFieldContainer[_common_pb2.PromptRecord]
    stats: _common_pb2.CallStats
    findings: _containers.RepeatedCompositeFieldContainer[_common_pb2.Finding]
    error: str
    template_versions: _containers.ScalarMap[str, str]
    language: str
    scenario: int
    model: str
    seed: int
    extracted: str
    extraction: str
    merged: bool
    prompt_stats: _containers.RepeatedCompositeFieldContainer[_common_pb2.CallStats]
    prompt_cached: _containers.RepeatedScalarFieldContainer[bool]
    notes: _containers.ScalarMap[str, str]
    scanned: bool
    def __init__(self, id: _Optional[str] = ..., index: _Optional[int] = ..., code: _Optional[str] = ..., raw_response: _Optional[str] = ..., parses: _Optional[bool] = ..., strategy: _Optional[str] = ..., prompts: _Optional[_Iterable[_Union[_common_pb2.PromptRecord, _Mapping]]] = ..., stats: _Optional[_Union[_common_pb2.CallStats, _Mapping]] = ..., findings: _Optional[_Iterable[_Union[_common_pb2.Finding, _Mapping]]] = ..., error: _Optional[str] = ..., template_versions: _Optional[_Mapping[str, str]] = ..., language: _Optional[str] = ..., scenario: _Optional[int] = ..., model: _Optional[str] = ..., seed: _Optional[int] = ..., extracted: _Optional[str] = ..., extraction: _Optional[str] = ..., merged: _Optional[bool] = ..., prompt_stats: _Optional[_Iterable[_Union[_common_pb2.CallStats, _Mapping]]] = ..., prompt_cached: _Optional[_Iterable[bool]] = ..., notes: _Optional[_Mapping[str, str]] = ..., scanned: _Optional[bool] = ...) -> None: ...

class GenerateResponse(_message.Message):
    __slots__ = ("samples",)
    SAMPLES_FIELD_NUMBER: _ClassVar[int]
    samples: _containers.RepeatedCompositeFieldContainer[GeneratedSample]
    def __init__(self, samples: _Optional[_Iterable[_Union[GeneratedSample, _Mapping]]] = ...) -> None: ...

class ListStrategiesRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class StrategyInfo(_message.Message):
    __slots__ = ("name", "description", "from_study", "kind", "templates", "options")
    class OptionsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    FROM_STUDY_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    TEMPLATES_FIELD_NUMBER: _ClassVar[int]
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    name: str
    description: str
    from_study: bool
    kind: str
    templates: _containers.RepeatedScalarFieldContainer[str]
    options: _containers.ScalarMap[str, str]
    def __init__(self, name: _Optional[str] = ..., description: _Optional[str] = ..., from_study: _Optional[bool] = ..., kind: _Optional[str] = ..., templates: _Optional[_Iterable[str]] = ..., options: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ListStrategiesResponse(_message.Message):
    __slots__ = ("strategies",)
    STRATEGIES_FIELD_NUMBER: _ClassVar[int]
    strategies: _containers.RepeatedCompositeFieldContainer[StrategyInfo]
    def __init__(self, strategies: _Optional[_Iterable[_Union[StrategyInfo, _Mapping]]] = ...) -> None: ...

class FixRequest(_message.Message):
    __slots__ = ("files", "model", "strategy", "rounds", "seed", "temperature", "max_new_tokens", "options", "engines", "profile")
    class OptionsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    FILES_FIELD_NUMBER: _ClassVar[int]
    MODEL_FIELD_NUMBER: _ClassVar[int]
    STRATEGY_FIELD_NUMBER: _ClassVar[int]
    ROUNDS_FIELD_NUMBER: _ClassVar[int]
    SEED_FIELD_NUMBER: _ClassVar[int]
    TEMPERATURE_FIELD_NUMBER: _ClassVar[int]
    MAX_NEW_TOKENS_FIELD_NUMBER: _ClassVar[int]
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    ENGINES_FIELD_NUMBER: _ClassVar[int]
    PROFILE_FIELD_NUMBER: _ClassVar[int]
    files: _containers.RepeatedCompositeFieldContainer[_common_pb2.SourceFile]
    model: str
    strategy: str
    rounds: int
    seed: int
    temperature: float
    max_new_tokens: int
    options: _containers.ScalarMap[str, str]
    engines: _containers.RepeatedScalarFieldContainer[str]
    profile: str
    def __init__(self, files: _Optional[_Iterable[_Union[_common_pb2.SourceFile, _Mapping]]] = ..., model: _Optional[str] = ..., strategy: _Optional[str] = ..., rounds: _Optional[int] = ..., seed: _Optional[int] = ..., temperature: _Optional[float] = ..., max_new_tokens: _Optional[int] = ..., options: _Optional[_Mapping[str, str]] = ..., engines: _Optional[_Iterable[str]] = ..., profile: _Optional[str] = ...) -> None: ...

class FixAttempt(_message.Message):
    __slots__ = ("round", "verdict", "reason", "parses", "remaining", "introduced")
    ROUND_FIELD_NUMBER: _ClassVar[int]
    VERDICT_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    PARSES_FIELD_NUMBER: _ClassVar[int]
    REMAINING_FIELD_NUMBER: _ClassVar[int]
    INTRODUCED_FIELD_NUMBER: _ClassVar[int]
    round: int
    verdict: str
    reason: str
    parses: bool
    remaining: int
    introduced: _containers.RepeatedCompositeFieldContainer[_common_pb2.Finding]
    def __init__(self, round: _Optional[int] = ..., verdict: _Optional[str] = ..., reason: _Optional[str] = ..., parses: _Optional[bool] = ..., remaining: _Optional[int] = ..., introduced: _Optional[_Iterable[_Union[_common_pb2.Finding, _Mapping]]] = ...) -> None: ...

class FileFix(_message.Message):
    __slots__ = ("path", "language", "outcome", "reason", "original_code", "fixed_code", "findings", "remaining", "attempts", "model_calls", "tokens", "seconds")
    PATH_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    ORIGINAL_CODE_FIELD_NUMBER: _ClassVar[int]
    FIXED_CODE_FIELD_NUMBER: _ClassVar[int]
    FINDINGS_FIELD_NUMBER: _ClassVar[int]
    REMAINING_FIELD_NUMBER: _ClassVar[int]
    ATTEMPTS_FIELD_NUMBER: _ClassVar[int]
    MODEL_CALLS_FIELD_NUMBER: _ClassVar[int]
    TOKENS_FIELD_NUMBER: _ClassVar[int]
    SECONDS_FIELD_NUMBER: _ClassVar[int]
    path: str
    language: str
    outcome: str
    reason: str
    original_code: str
    fixed_code: str
    findings: _containers.RepeatedCompositeFieldContainer[_common_pb2.Finding]
    remaining: _containers.RepeatedCompositeFieldContainer[_common_pb2.Finding]
    attempts: _containers.RepeatedCompositeFieldContainer[FixAttempt]
    model_calls: int
    tokens: int
    seconds: float
    def __init__(self, path: _Optional[str] = ..., language: _Optional[str] = ..., outcome: _Optional[str] = ..., reason: _Optional[str] = ..., original_code: _Optional[str] = ..., fixed_code: _Optional[str] = ..., findings: _Optional[_Iterable[_Union[_common_pb2.Finding, _Mapping]]] = ..., remaining: _Optional[_Iterable[_Union[_common_pb2.Finding, _Mapping]]] = ..., attempts: _Optional[_Iterable[_Union[FixAttempt, _Mapping]]] = ..., model_calls: _Optional[int] = ..., tokens: _Optional[int] = ..., seconds: _Optional[float] = ...) -> None: ...

class FixResponse(_message.Message):
    __slots__ = ("files",)
    FILES_FIELD_NUMBER: _ClassVar[int]
    files: _containers.RepeatedCompositeFieldContainer[FileFix]
    def __init__(self, files: _Optional[_Iterable[_Union[FileFix, _Mapping]]] = ...) -> None: ...
