"""hardgen: measure and harden the security of LLM-generated code.

One distribution, one subpackage per service (``gateway``, ``refinement``, ``modelserve``,
``scanner``, ``analytics``) plus ``core`` (shared contracts every service reads the same way)
and ``cli``. Services never import each other's internals: they meet in ``hardgen.core``,
in the gRPC/protobuf contracts (``hardgen.v1``) and on NATS subjects.
"""

__version__ = "0.1.0"
