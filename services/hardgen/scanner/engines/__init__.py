"""Scanner engines. Each module holds one engine implementing :class:`base.Engine`."""
