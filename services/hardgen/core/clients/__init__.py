"""Thin gRPC clients, one module per service, so that services reach each other only through the
proto contracts (never through another service's internals). Every call has a deadline."""
