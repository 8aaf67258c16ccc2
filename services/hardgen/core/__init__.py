"""Shared contracts: languages, scenario corpus, CWE/severity catalogue, findings, settings, logging."""
