"""Scanner service: CodeQL-compatible static analysis (Semgrep rule packs, Go AST checks, Bandit,
CodeQL when installed), normalised findings, SARIF 2.1.0, gRPC service and CLI."""
