"""Public HTTP gateway (FastAPI): generations, scans, the scenario and strategy catalogues, health
and Prometheus metrics. It reaches the refinement and scanner services over gRPC only."""
