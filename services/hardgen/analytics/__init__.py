"""Analytics service: the study's tables and figures from a DuckDB store.

Samples and findings arrive from NATS events (``sample.generated`` / ``scan.completed``) or from a
corpus manifest (``hardgen corpus import``); every table is a function of the store, so partial
studies can be analysed at any time. See ``docs/analytics.md`` for the metric definitions.
"""
