"""``digest models``: install, list and remove the Hindi→English argostranslate package."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.translate import argos


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("models", help="install, list or remove the Hindi→English model")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    install = actions.add_parser("install", help="download the model, or install one from a file")
    install.add_argument("--file", type=Path, help="a local .argosmodel to install (works offline)")
    install.add_argument("--timeout", type=float, default=30.0,
                         help="seconds to wait for the network per connection (default: 30)")
    install.set_defaults(run=run_install)
    actions.add_parser("list", help="show installed models").set_defaults(run=run_list)
    actions.add_parser("remove", help="uninstall the Hindi→English model").set_defaults(
        run=run_remove
    )


def _fail(err: Exception) -> int:
    print(f"digest models: {err}", file=sys.stderr)
    return 1


def run_install(args: argparse.Namespace) -> int:
    try:
        if args.file is not None:
            if not args.file.is_file():
                return _fail(FileNotFoundError(f"{args.file}: no such file"))
            package = argos.install_file(args.file)
        else:
            package = argos.download(args.timeout)
    except argos.ArgosError as err:
        return _fail(err)
    print(f"installed {package.engine} in {package.path}")
    return 0


def run_list(args: argparse.Namespace) -> int:
    try:
        packages = argos.installed()
    except argos.ArgosError as err:
        return _fail(err)
    if not packages:
        print("no Hindi→English model installed (English falls back to memory and gloss)")
    for number, package in enumerate(packages):
        mark = "*" if number == 0 else " "
        print(f"{mark} {package.engine}  {package.path}")
    return 0


def run_remove(args: argparse.Namespace) -> int:
    try:
        packages = argos.installed()
        for package in packages:
            argos.remove(package)
            print(f"removed {package.engine} from {package.path}")
    except argos.ArgosError as err:
        return _fail(err)
    if not packages:
        print("no Hindi→English model installed", file=sys.stderr)
        return 1
    return 0
