"""Model-serving service: local transformers + peft models, the offline demo model, LoRA
fine-tuning with an adapter registry, and a TGI-compatible HTTP API next to the gRPC contract.

Heavy imports (torch, transformers) live in the submodules so that importing this package is cheap.
"""
