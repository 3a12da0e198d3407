"""Preview the site on 127.0.0.1 the way GitHub Pages serves it, rebuilding on every change.

Like Pages: a folder without ``index.html`` is a 404 (no listing), ``/foo``
serves ``foo.html``, ``404.html`` is the body of every miss, and the site can be
mounted under a project path (``/repo/``) so root-absolute links break here as
they would there. Unlike Pages: a watcher polls the inputs' modification times
and rebuilds, and every HTML response (never the files in ``site/``) gets one
external script that reloads the page after a rebuild. It is an external file
served from this origin, so the site's ``script-src 'self'`` policy allows it.
"""

from __future__ import annotations

import html
import io
import os
import posixpath
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar, cast

from generator import config as config_module
from generator.build import BuildLocked, build
from generator.model import Diagnostic

HOST = "127.0.0.1"
ENDPOINT = "/__digest__/"
RELOAD_SCRIPT = """\
// Added by `digest serve` to served pages only: reload once the site has been rebuilt.
(() => {
  const built = document.currentScript.dataset.generation;
  const poll = async () => {
    try {
      const response = await fetch("/__digest__/generation", { cache: "no-store" });
      if ((await response.text()).trim() !== built) { location.reload(); return; }
    } catch (error) { /* the server is restarting; try again */ }
    setTimeout(poll, 700);
  };
  setTimeout(poll, 700);
})();
"""


@dataclass(frozen=True)
class Resolved:
    """Where a request path leads: a file to send, a redirect, or nothing (404)."""

    file: Path | None = None
    redirect: str | None = None


def normalise_prefix(prefix: str) -> str:
    """``repo``, ``/repo`` and ``/repo/`` all become ``/repo/``; empty becomes ``/``."""
    inner = prefix.strip().strip("/")
    return f"/{inner}/" if inner else "/"


def resolve(site: Path, prefix: str, url_path: str) -> Resolved:
    """The file GitHub Pages would serve for ``url_path`` (already unquoted) under ``prefix``."""
    if url_path + "/" == prefix:
        return Resolved(redirect=prefix)
    if not url_path.startswith(prefix):
        return Resolved()
    relative = url_path[len(prefix):]
    if ".." in relative.split("/") or "\0" in relative:
        return Resolved()
    clean = posixpath.normpath("/" + relative).lstrip("/")
    target = site / clean if clean not in ("", ".") else site
    try:
        if target.is_dir():
            if not url_path.endswith("/"):
                return Resolved(redirect=urllib.parse.quote(url_path + "/"))
            target = target / "index.html"
        elif not target.is_file() and not url_path.endswith("/"):
            target = target.with_name(target.name + ".html")
        if not target.is_file() or not target.resolve().is_relative_to(site.resolve()):
            return Resolved()
    except OSError:  # e.g. a name too long for the file system
        return Resolved()
    return Resolved(file=target)


def inject(page: bytes, generation: int) -> bytes:
    """The page with the reload script before its last ``</body>`` (or at the end)."""
    tag = f'<script src="{ENDPOINT}reload.js" data-generation="{generation}"></script>\n'.encode()
    at = page.lower().rfind(b"</body>")
    return page[:at] + tag + page[at:] if at >= 0 else page + tag


def snapshot(paths: Iterable[Path]) -> dict[str, tuple[int, int]]:
    """Modification time and size of every visible file under the given files and folders."""
    found: dict[str, tuple[int, int]] = {}
    for path in paths:
        files = [path] if path.is_file() else sorted(path.rglob("*")) if path.is_dir() else []
        for file in files:
            if file.name.startswith(".") or file.name.endswith("~"):
                continue
            try:
                stat = file.stat()
            except OSError:  # removed while we looked
                continue
            if not file.is_dir():
                found[file.as_posix()] = (stat.st_mtime_ns, stat.st_size)
    return found


class PreviewServer(ThreadingHTTPServer):
    """A threaded HTTP server on 127.0.0.1 that knows the site folder and the build generation."""

    daemon_threads = True

    def __init__(self, port: int, site: Path, prefix: str) -> None:
        super().__init__((HOST, port), PagesHandler)
        self.site = site
        self.prefix = normalise_prefix(prefix)
        self.generation = 0


class PagesHandler(SimpleHTTPRequestHandler):
    """Answers like GitHub Pages, plus the reload script and the build generation."""

    types: ClassVar[dict[str, str]] = {
        ".html": "text/html", ".js": "text/javascript", ".json": "application/json",
        ".wasm": "application/wasm", ".css": "text/css", ".xml": "application/xml",
    }

    def guess_type(self, path: str | os.PathLike[str]) -> str:
        return self.types.get(Path(path).suffix) or super().guess_type(path)

    def send_head(self) -> io.BytesIO | None:
        server = cast(PreviewServer, self.server)
        path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        if path.startswith(ENDPOINT):
            return self._endpoint(path[len(ENDPOINT):], server.generation)
        found = resolve(server.site, server.prefix, path)
        if found.redirect:
            self.send_response(HTTPStatus.MOVED_PERMANENTLY)
            self.send_header("Location", found.redirect)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        if found.file is None:
            return self._not_found(server)
        ctype = self.guess_type(str(found.file))
        try:
            body = found.file.read_bytes()
        except OSError:  # the site was swapped for a rebuilt one in between
            return self._not_found(server)
        if ctype == "text/html":
            body = inject(body, server.generation)
        return self._respond(HTTPStatus.OK, ctype, body)

    def _endpoint(self, name: str, generation: int) -> io.BytesIO | None:
        if name == "reload.js":
            return self._respond(HTTPStatus.OK, "text/javascript", RELOAD_SCRIPT.encode())
        if name == "generation":
            return self._respond(HTTPStatus.OK, "text/plain", str(generation).encode())
        self.send_error(HTTPStatus.NOT_FOUND)
        return None

    def _not_found(self, server: PreviewServer) -> io.BytesIO:
        page = server.site / "404.html"
        if page.is_file():
            return self._respond(HTTPStatus.NOT_FOUND, "text/html", inject(page.read_bytes(), server.generation))
        text = f"<!doctype html><title>Not found</title><p>Not found: {html.escape(self.path)}"
        return self._respond(HTTPStatus.NOT_FOUND, "text/html", inject(text.encode(), server.generation))

    def _respond(self, status: HTTPStatus, ctype: str, body: bytes) -> io.BytesIO:
        self.send_response(status)
        charset = "; charset=utf-8" if ctype.startswith("text/") or ctype.endswith("json") else ""
        self.send_header("Content-Type", ctype + charset)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the preview reports builds, not requests."""


class Preview:
    """Build the project, serve its site, and rebuild whenever an input changes."""

    def __init__(self, root: Path, *, out: Path | None = None, port: int = 8000, prefix: str = "/",
                 interval: float = 0.5, log: Callable[[str], None] = print) -> None:
        self.root = root
        self.out = out
        self.interval = interval
        self.log = log
        config, _ = config_module.load(root)
        self.server = PreviewServer(port, (out or config.path("output_dir")).resolve(), prefix)
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._serving_in_background = False
        self._built_from: dict[str, tuple[int, int]] | None = None  # inputs as the last build saw them

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.server.server_address[1]}{self.server.prefix}"

    def watched(self) -> list[Path]:
        """What a change to triggers a rebuild: seeds, content, templates and digest.toml."""
        config, _ = config_module.load(self.root)
        names = ("seeds_dir", "content_dir", "templates_dir")
        return [*(config.path(name) for name in names), self.root / config_module.CONFIG_NAME]

    def rebuild(self) -> bool:
        """Build the site; on failure the previous site keeps being served."""
        started = time.perf_counter()
        self._built_from = snapshot(self.watched())  # taken first: a later edit means another build
        config, problems = config_module.load(self.root)
        try:
            result = build(config, self.out)
        except BuildLocked as err:
            self.log(f"build skipped: {err}")
            return False
        except Exception as err:  # a broken template must not stop the preview
            self.log(f"build failed, still serving the previous site: {type(err).__name__}: {err}")
            return False
        for diagnostic in sorted([*problems, *result.diagnostics], key=_order):
            self.log(str(diagnostic))
        self.server.generation += 1
        self.log(f"built {result.pages} pages from {result.articles} articles "
                 f"in {time.perf_counter() - started:.1f} s")
        return True

    def watch(self) -> None:
        """Poll the inputs until stopped; rebuild whenever they differ from the last build's."""
        while not self._stop.wait(self.interval):
            if snapshot(self.watched()) != self._built_from:
                self.rebuild()

    def start(self) -> None:
        """Serve and watch in background threads (``close`` stops both)."""
        self._serving_in_background = True
        for target in (self.server.serve_forever, self.watch):
            thread = threading.Thread(target=target, daemon=True)
            thread.start()
            self._threads.append(thread)

    def serve_forever(self) -> None:
        """Watch in the background and serve in this thread until Ctrl-C or ``close``."""
        watcher = threading.Thread(target=self.watch, daemon=True)
        watcher.start()
        self._threads.append(watcher)
        self.server.serve_forever(poll_interval=0.2)

    def close(self) -> None:
        """Stop watching and serving, and free the port."""
        self._stop.set()
        if self._serving_in_background:
            self.server.shutdown()  # waits for serve_forever to return; only safe when it runs
        for thread in self._threads:
            thread.join(timeout=10)
        self.server.server_close()


def _order(diagnostic: Diagnostic) -> tuple[str, int, str]:
    return diagnostic.path, diagnostic.line, diagnostic.code
