from hardgen.v1 import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ModelGenerateRequest(_message.Message):
    __slots__ = ("model", "adapter_id", "inputs", "max_new_tokens", "temperature", "top_p", "seed", "stop")
    MODEL_FIELD_NUMBER: _ClassVar[int]
    ADAPTER_ID_FIELD_NUMBER: _ClassVar[int]
    INPUTS_FIELD_NUMBER: _ClassVar[int]
    MAX_NEW_TOKENS_FIELD_NUMBER: _ClassVar[int]
    TEMPERATURE_FIELD_NUMBER: _ClassVar[int]
    TOP_P_FIELD_NUMBER: _ClassVar[int]
    SEED_FIELD_NUMBER: _ClassVar[int]
    STOP_FIELD_NUMBER: _ClassVar[int]
    model: str
    adapter_id: str
    inputs: str
    max_new_tokens: int
    temperature: float
    top_p: float
    seed: int
    stop: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, model: _Optional[str] = ..., adapter_id: _Optional[str] = ..., inputs: _Optional[str] = ..., max_new_tokens: _Optional[int] = ..., temperature: _Optional[float] = ..., top_p: _Optional[float] = ..., seed: _Optional[int] = ..., stop: _Optional[_Iterable[str]] = ...) -> None: ...

class ModelGenerateResponse(_message.Message):
    __slots__ = ("generated_text", "stats", "finish_reason")
    GENERATED_TEXT_FIELD_NUMBER: _ClassVar[int]
    STATS_FIELD_NUMBER: _ClassVar[int]
    FINISH_REASON_FIELD_NUMBER: _ClassVar[int]
    generated_text: str
    stats: _common_pb2.CallStats
    finish_reason: str
    def __init__(self, generated_text: _Optional[str] = ..., stats: _Optional[_Union[_common_pb2.CallStats, _Mapping]] = ..., finish_reason: _Optional[str] = ...) -> None: ...

class FineTuneRequest(_message.Message):
    __slots__ = ("base_model", "language", "steps", "epochs", "learning_rate", "lora_r", "lora_alpha", "lora_dropout", "target_modules", "seed", "name", "extra_dataset_jsonl", "force")
    BASE_MODEL_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    STEPS_FIELD_NUMBER: _ClassVar[int]
    EPOCHS_FIELD_NUMBER: _ClassVar[int]
    LEARNING_RATE_FIELD_NUMBER: _ClassVar[int]
    LORA_R_FIELD_NUMBER: _ClassVar[int]
    LORA_ALPHA_FIELD_NUMBER: _ClassVar[int]
    LORA_DROPOUT_FIELD_NUMBER: _ClassVar[int]
    TARGET_MODULES_FIELD_NUMBER: _ClassVar[int]
    SEED_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    EXTRA_DATASET_JSONL_FIELD_NUMBER: _ClassVar[int]
    FORCE_FIELD_NUMBER: _ClassVar[int]
    base_model: str
    language: str
    steps: int
    epochs: int
    learning_rate: float
    lora_r: int
    lora_alpha: int
    lora_dropout: float
    target_modules: _containers.RepeatedScalarFieldContainer[str]
    seed: int
    name: str
    extra_dataset_jsonl: str
    force: bool
    def __init__(self, base_model: _Optional[str] = ..., language: _Optional[str] = ..., steps: _Optional[int] = ..., epochs: _Optional[int] = ..., learning_rate: _Optional[float] = ..., lora_r: _Optional[int] = ..., lora_alpha: _Optional[int] = ..., lora_dropout: _Optional[float] = ..., target_modules: _Optional[_Iterable[str]] = ..., seed: _Optional[int] = ..., name: _Optional[str] = ..., extra_dataset_jsonl: _Optional[str] = ..., force: _Optional[bool] = ...) -> None: ...

class Adapter(_message.Message):
    __slots__ = ("id", "base_model", "language", "path", "dataset_hash", "initial_loss", "final_loss", "examples", "dropped_examples", "created_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    BASE_MODEL_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    PATH_FIELD_NUMBER: _ClassVar[int]
    DATASET_HASH_FIELD_NUMBER: _ClassVar[int]
    INITIAL_LOSS_FIELD_NUMBER: _ClassVar[int]
    FINAL_LOSS_FIELD_NUMBER: _ClassVar[int]
    EXAMPLES_FIELD_NUMBER: _ClassVar[int]
    DROPPED_EXAMPLES_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    base_model: str
    language: str
    path: str
    dataset_hash: str
    initial_loss: float
    final_loss: float
    examples: int
    dropped_examples: int
    created_at: str
    def __init__(self, id: _Optional[str] = ..., base_model: _Optional[str] = ..., language: _Optional[str] = ..., path: _Optional[str] = ..., dataset_hash: _Optional[str] = ..., initial_loss: _Optional[float] = ..., final_loss: _Optional[float] = ..., examples: _Optional[int] = ..., dropped_examples: _Optional[int] = ..., created_at: _Optional[str] = ...) -> None: ...

class FineTuneResponse(_message.Message):
    __slots__ = ("adapter", "reused")
    ADAPTER_FIELD_NUMBER: _ClassVar[int]
    REUSED_FIELD_NUMBER: _ClassVar[int]
    adapter: Adapter
    reused: bool
    def __init__(self, adapter: _Optional[_Union[Adapter, _Mapping]] = ..., reused: _Optional[bool] = ...) -> None: ...

class ListAdaptersRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListAdaptersResponse(_message.Message):
    __slots__ = ("adapters",)
    ADAPTERS_FIELD_NUMBER: _ClassVar[int]
    adapters: _containers.RepeatedCompositeFieldContainer[Adapter]
    def __init__(self, adapters: _Optional[_Iterable[_Union[Adapter, _Mapping]]] = ...) -> None: ...
