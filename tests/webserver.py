"""A 127.0.0.1-only static server that behaves like GitHub Pages, for tests and bench scripts.

Like Pages and unlike ``python -m http.server``: a folder without index.html is
a 404 (no listing), ``/foo`` serves ``foo.html``, the site's 404.html is the body
of every 404, and an optional prefix mounts the site at ``/<repo>/`` so that
root-absolute links break here exactly as they break on a project site.
"""

from __future__ import annotations

import functools
import http.server
import mimetypes
import threading
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

mimetypes.add_type("application/wasm", ".wasm")
mimetypes.add_type("text/javascript", ".js")
mimetypes.add_type("image/svg+xml", ".svg")


def normal_prefix(prefix: str) -> str:
    """``repo`` / ``/repo`` / ``/repo/`` -> ``/repo/``; empty -> ``/``."""
    inner = prefix.strip("/")
    return f"/{inner}/" if inner else "/"


class PagesHandler(http.server.SimpleHTTPRequestHandler):
    """Serves one folder under one prefix, GitHub Pages style."""

    prefix = "/"

    def __init__(self, *args: Any, directory: str, **kwargs: Any) -> None:
        super().__init__(*args, directory=directory, **kwargs)

    def translate_path(self, path: str) -> str:
        p = urllib.parse.unquote(urllib.parse.urlsplit(path).path)
        if not p.startswith(self.prefix):
            return str(Path(self.directory) / ".outside-the-prefix" / "missing")
        rel = "/" + p[len(self.prefix) :]
        fs = super().translate_path(urllib.parse.quote(rel))
        if not Path(fs).exists() and Path(fs + ".html").is_file():
            return fs + ".html"
        return fs

    def list_directory(self, path: str | Path) -> None:
        self.send_error(404, "Folder has no index.html")
        return None

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404, message)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: tests read status codes, not logs."""


@contextmanager
def serve(folder: Path, prefix: str = "/") -> Iterator[str]:
    """Serve ``folder`` on 127.0.0.1 at a free port; yields the base URL (ending in the prefix)."""
    mount = normal_prefix(prefix)
    handler = functools.partial(type("Handler", (PagesHandler,), {"prefix": mount}), directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{mount}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


if __name__ == "__main__":
    import argparse
    import time

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--prefix", default="/")
    args = parser.parse_args()
    with serve(args.folder, args.prefix) as url:
        print(url, flush=True)
        while True:
            time.sleep(3600)
