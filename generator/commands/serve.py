"""``digest serve``: build, serve on 127.0.0.1 like GitHub Pages, rebuild and reload on every change."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator import config as config_module
from generator.preview import Preview


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "serve",
        help="preview the site on 127.0.0.1, rebuilding when seeds, content or templates change",
        description="Builds the site, serves it on 127.0.0.1 only, watches seeds/, content/, "
        "templates/ and digest.toml, rebuilds on a change and reloads open pages. Ctrl-C stops it.",
    )
    p.add_argument("--port", type=int, default=8000, help="port (default 8000; 0 picks a free one)")
    p.add_argument("--prefix", default="/",
                   help="serve under a path, as a project site is (/REPOSITORY/); default /")
    p.add_argument("--root", type=Path, default=Path("."), help="project folder (default: .)")
    p.add_argument("--out", type=Path, help="output folder (default: site/)")
    p.add_argument("--interval", type=float, default=0.5, help="seconds between checks for changes")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if not 0 <= args.port <= 65535 or args.interval <= 0:
        print("digest serve: --port must be 0-65535 and --interval positive", file=sys.stderr)
        return 2
    try:
        preview = Preview(args.root, out=args.out, port=args.port, prefix=args.prefix,
                          interval=args.interval, log=_log)
    except OSError as err:
        print(f"digest serve: cannot listen on 127.0.0.1:{args.port}: {err.strerror}", file=sys.stderr)
        return 1
    preview.rebuild()
    _log(f"serving {preview.url} (Ctrl-C to stop)")
    published = config_module.load(args.root)[0].base_path()
    if published != preview.server.prefix:
        _log(f"tip: the site is published under {published}; --prefix {published} previews it that way")
    try:
        preview.serve_forever()
    except KeyboardInterrupt:
        _log("stopping")
    finally:
        preview.close()
    return 0


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
