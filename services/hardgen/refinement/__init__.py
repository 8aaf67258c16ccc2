"""Refinement service: prompt a model through a chain of hardening strategies and extract the code.

Public entry points: :class:`hardgen.refinement.service.RefinementService` (in-process, used by the
CLI and the gRPC server), :mod:`hardgen.refinement.backends` (``provider/model`` addressing) and
:mod:`hardgen.refinement.strategies` (``raw``, ``nep``, ``cot``, ``mp``, ``ft``, ``sast-repair``).
"""
