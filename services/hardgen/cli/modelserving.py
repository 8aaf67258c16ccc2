"""Which model server a CLI command's ``hf/`` models go through: the modelserve service at an
address, or the model server's code in this process.

Only the CLI may construct the in-process model server (it is the one package allowed to import
``hardgen.modelserve`` next to ``hardgen.refinement``, tests/core/test_boundaries.py); the
refinement service receives it as a :class:`hardgen.core.clients.modelserve.ModelServePort` and
never knows which one it got. This mirrors :mod:`hardgen.cli.scanning` for the scanner.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from hardgen.cli.settings import modelserve_or_setting

if TYPE_CHECKING:  # the gRPC stubs load when a command calls a model, not for ``hardgen --help``
    from hardgen.core.clients.modelserve import ModelServePort

#: ``--modelserve`` of the commands that call models: empty (the default) runs ``hf/`` models here.
ModelServeOption = typer.Option(
    "",
    "--modelserve",
    callback=modelserve_or_setting,
    help="model server gRPC address for hf/ models (default: HARDGEN_MODELSERVE_ADDR, else load them here)",
)


def model_port(address: str | None = None) -> ModelServePort:
    """The gRPC client of the model server at ``address``; without an address, the in-process one."""
    if address:
        from hardgen.core.clients.modelserve import ModelServeClient

        return ModelServeClient(address)
    from hardgen.modelserve.inprocess import InProcessModelServe

    return InProcessModelServe()
