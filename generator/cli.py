"""The ``digest`` command: one sub-command per module in ``generator.commands``.

Each command module defines ``register(subparsers)``, which adds its parser and
sets ``run`` (a function of the parsed arguments returning the exit status).
Exit status: 0 fine, 1 problems in the inputs, 2 wrong usage.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import pkgutil
import sys
from collections.abc import Sequence

from generator import __version__, commands


def parser() -> argparse.ArgumentParser:
    """The argument parser with every command module registered, in name order."""
    top = argparse.ArgumentParser(
        prog="digest", description="Build a bilingual digest of Hindi defence-diplomacy news."
    )
    top.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = top.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{commands.__name__}.{info.name}")
        module.register(sub)
    return top


GC_YOUNG = 50_000  # allocations between collections of the young generation (Python's default: 700)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns its exit status (argparse exits 2 on bad usage).

    A build loads and makes millions of long-lived objects (caches, manifests,
    pages' contexts) and hardly any reference cycles: at Python's default
    thresholds the collector re-examines them over and over, which was a tenth
    of a quick build. It still runs, less often.
    """
    gc.set_threshold(GC_YOUNG, *gc.get_threshold()[1:])
    args = parser().parse_args(argv)
    status: int = args.run(args)
    return status


if __name__ == "__main__":
    sys.exit(main())
