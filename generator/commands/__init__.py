"""Sub-commands of ``digest``: one module each, discovered by ``generator.cli``."""
