"""The ``hardgen`` command line (typer): the same operations as the services, locally or remote."""
