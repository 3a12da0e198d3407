"""``digest serve``: answers on 127.0.0.1 like GitHub Pages, under a prefix, and rebuilds after an edit."""

from __future__ import annotations

import http.client
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.preview import Preview, Resolved, inject, normalise_prefix, resolve


def get(port: int, path: str) -> tuple[int, dict[str, str], str]:
    """Status, headers and body of one GET (the raw path is sent as given)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read().decode("utf-8", "replace")
    finally:
        connection.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp_path = tmp_path_factory.mktemp("serve")
    folder = tmp_path / "site"
    (folder / "en" / "empty").mkdir(parents=True)
    (folder / "en" / "index.html").write_text("<html><body>home</body></html>", encoding="utf-8")
    (folder / "en" / "about.html").write_text("about", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("outside", encoding="utf-8")
    return folder


def test_resolve_behaves_like_pages(site: Path) -> None:
    assert resolve(site, "/", "/en/") == Resolved(file=site / "en" / "index.html")
    assert resolve(site, "/", "/en") == Resolved(redirect="/en/")
    assert resolve(site, "/", "/en/about") == Resolved(file=site / "en" / "about.html")
    assert resolve(site, "/", "/en/empty/") == Resolved()  # a folder without index.html: 404
    assert resolve(site, "/", "/en/missing") == Resolved()
    assert resolve(site, "/", "/../secret.txt") == Resolved()
    assert resolve(site, "/repo/", "/repo/en/about.html") == Resolved(file=site / "en" / "about.html")
    assert resolve(site, "/repo/", "/repo") == Resolved(redirect="/repo/")
    assert resolve(site, "/repo/", "/en/about.html") == Resolved()
    assert resolve(site, "/", "/" + "x" * 5000) == Resolved()


PARTS = st.sampled_from(["en", "..", ".", "", "about", "empty", "index.html", "secret.txt", "site", "/"])


@given(st.lists(PARTS | st.text(max_size=5), max_size=6).map("/".join))
def test_resolve_never_leaves_the_site(site: Path, path: str) -> None:
    found = resolve(site, "/", "/" + path)
    assert found.file is None or found.file.resolve().is_relative_to(site.resolve())
    assert found.redirect is None or found.redirect.endswith("/")


def test_inject_adds_one_external_script_before_body_end() -> None:
    page = inject(b"<html><body><p>x</p></BODY></html>", 7)
    assert page == b'<html><body><p>x</p><script src="/__digest__/reload.js" data-generation="7"></script>\n</BODY></html>'
    assert normalise_prefix("repo") == normalise_prefix("/repo/") == "/repo/" and normalise_prefix("") == "/"


LOG: list[str] = []


@pytest.fixture
def preview(project: Path) -> Iterator[Preview]:
    LOG.clear()
    server = Preview(project, port=0, prefix="/repo/", interval=0.05, log=LOG.append)
    assert server.rebuild(), LOG
    server.start()
    yield server
    server.close()


def wait_for_generation(port: int, above: int, timeout: float = 30) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        generation = int(get(port, "/__digest__/generation")[2])
        if generation > above:
            return generation
        time.sleep(0.05)
    raise AssertionError(f"no rebuild; the preview said: {LOG}")


def test_serves_on_localhost_under_prefix_like_pages(preview: Preview, project: Path) -> None:
    host, port = preview.server.server_address[:2]
    assert host == "127.0.0.1" and preview.url == f"http://127.0.0.1:{port}/repo/"
    status, headers, body = get(port, "/repo/en/")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert body.count('<script src="/__digest__/reload.js" data-generation="1"></script>') == 1
    assert get(port, "/repo/en/about")[0] == 200
    assert get(port, "/repo")[:2][0] == 301 and get(port, "/repo")[1]["Location"] == "/repo/"
    assert get(port, "/en/about.html")[0] == 404  # outside the prefix, as on a project site
    status, _, body = get(port, "/repo/static/")
    assert status == 404 and (project / "site" / "404.html").read_text(encoding="utf-8")[:300] in body
    assert get(port, "/repo/../../etc/passwd")[0] == 404
    status, headers, script = get(port, "/__digest__/reload.js")
    assert status == 200 and headers["Content-Type"].startswith("text/javascript") and "location.reload()" in script


def test_rebuilds_after_an_edit_and_site_files_stay_clean(preview: Preview, project: Path) -> None:
    port = preview.server.server_address[1]
    page = project / "content" / "pages" / "about.en.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n\nEdited while serving.\n", encoding="utf-8")
    generation = wait_for_generation(port, 1)
    status, _, body = get(port, "/repo/en/about.html")
    assert status == 200 and "Edited while serving." in body
    assert f'data-generation="{generation}"' in body
    assert "__digest__" not in (project / "site" / "en" / "about.html").read_text(encoding="utf-8")


def test_ctrl_c_stops_the_command_cleanly(project: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--port", "0", "--root", str(project)],
        stderr=subprocess.PIPE, text=True, cwd=project,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)},
        # as run from a terminal: a shell running the tests in the background (no job control)
        # hands its children SIGINT ignored, and Python then never raises KeyboardInterrupt
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        assert process.stderr is not None
        line = ""
        while "serving" not in line:
            line = process.stderr.readline()
            assert line, "the server exited before serving"
        port = int(re.search(r"127\.0\.0\.1:(\d+)/", line).group(1))  # type: ignore[union-attr]
        rest: list[str] = []  # read as it comes, so that the server never blocks on a full pipe
        reader = threading.Thread(target=lambda: rest.extend(process.stderr or ()), daemon=True)
        reader.start()
        assert get(port, "/en/")[0] == 200
        process.send_signal(signal.SIGINT)
        try:
            status = process.wait(timeout=30)  # generous: a loaded CI machine is slow to start and stop Python
        except subprocess.TimeoutExpired:
            pytest.fail(f"still running 30 s after Ctrl-C; it said: {''.join(rest)[-3000:]}")
        assert status == 0
        reader.join(timeout=5)
        assert "stopping" in "".join(rest)
    finally:
        if process.poll() is None:
            process.kill()
