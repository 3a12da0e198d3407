"""Every internal link of the built site resolves: on disk, and over HTTP under a /<repo>/ prefix.

Links must be relative (only 404.html, served at any depth, uses the base path);
absolute URLs are allowed only to the site's own base URL (canonical, hreflang,
Open Graph) and, on <a>, to outside http(s) sources.
"""

from __future__ import annotations

import html.parser
import posixpath
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable
from pathlib import Path

from site_fixtures import BuiltSite
from webserver import serve

pytest_plugins = ["site_fixtures"]

LINK_ATTRS = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src", "form": "action"}


class Links(html.parser.HTMLParser):
    """Collects (tag, rel, url) of every link, and every id on the page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str, str]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if "id" in values:
            self.ids.add(values["id"])
        wanted = LINK_ATTRS.get(tag)
        if wanted and wanted in values:
            self.links.append((tag, values.get("rel", ""), values[wanted]))
        if tag == "meta" and values.get("property") == "og:url":
            self.links.append(("meta", "og:url", values.get("content", "")))
        for runtime in ("data-root", "data-bundle"):
            if runtime in values:
                self.links.append((tag, runtime, values[runtime]))


def parse(page: Path) -> Links:
    parser = Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def exists(root: Path, path: str) -> bool:
    """Whether GitHub Pages would serve ``path`` (a site path without leading slash)."""
    target = root / path
    if path == "" or path.endswith("/"):
        return (target / "index.html").is_file()
    return target.is_file() or (root / f"{path}.html").is_file()


def internal_targets(site: BuiltSite) -> tuple[list[str], set[str]]:
    """Problems found on disk, and every internal target (site path) for the HTTP pass."""
    problems: list[str] = []
    targets: set[str] = set()
    base = site.config.base_url
    for page in site.pages():
        rel = page.relative_to(site.root).as_posix()
        parsed = parse(page)
        for tag, rel_attr, url in parsed.links:
            where = f"{rel}: <{tag}> {url!r}"
            parts = urllib.parse.urlsplit(url)
            if parts.scheme in ("http", "https"):
                if url.startswith(base):
                    path = urllib.parse.unquote(parts.path)[len(urllib.parse.urlsplit(base).path):]
                    if not exists(site.root, path):
                        problems.append(f"{where}: absolute link to a missing page")
                elif tag != "a":
                    problems.append(f"{where}: loads from another host")
                continue
            if parts.scheme or parts.netloc:
                problems.append(f"{where}: not a web link")
                continue
            if url.startswith("/") and rel != "404.html":
                problems.append(f"{where}: root-absolute (breaks under a /<repo>/ prefix)")
                continue
            if rel == "404.html":
                continue  # checked over HTTP, from a deep missing address
            if not parts.path and parts.fragment:
                if parts.fragment not in parsed.ids:
                    problems.append(f"{where}: no element with this id")
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(rel), urllib.parse.unquote(parts.path)))
            if target.startswith(".."):
                problems.append(f"{where}: leaves the site")
                continue
            target = "" if target == "." else target
            if parts.path.endswith("/") and target:
                target += "/"
            if rel_attr == "data-bundle":  # the search bundle: a folder the UI script reads from
                target += "pagefind-entry.json"
            if not exists(site.root, target):
                problems.append(f"{where}: broken")
            targets.add(target)
    return problems, targets


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode("utf-8", "replace")


def check_over_http(site: BuiltSite, targets: Iterable[str]) -> list[str]:
    """GET every target under the site's /<repo>/ prefix, and the 404 page's links from deep down."""
    problems: list[str] = []
    with serve(site.root, site.prefix) as base:
        for target in sorted(targets):
            status, _ = fetch(base + urllib.parse.quote(target))
            if status != 200:
                problems.append(f"{target}: HTTP {status} under {site.prefix}")
        missing = base + "en/no/such/page.html"
        status, body = fetch(missing)
        assert status == 404 and "Page not found" in body
        parser = Links()
        parser.feed(body)
        for _, _, url in parser.links:
            status, _ = fetch(urllib.parse.urljoin(missing, url))
            if status != 200:
                problems.append(f"404.html: {url} -> HTTP {status} when served at a deep address")
    return problems


def check(site: BuiltSite) -> None:
    problems, targets = internal_targets(site)
    problems += check_over_http(site, targets)
    assert not problems, f"{len(problems)} broken link(s):\n" + "\n".join(problems[:40])


def test_seed_site_has_no_broken_links(seed_site: BuiltSite) -> None:
    check(seed_site)


def test_corpus_site_has_no_broken_links(corpus_site: BuiltSite) -> None:
    check(corpus_site)


def test_served_like_pages_folders_without_index_are_404(seed_site: BuiltSite) -> None:
    with serve(seed_site.root, "/repo/") as base:
        assert fetch(base + "en/index.html")[0] == 200
        assert fetch(base + "en/search")[0] == 200  # /foo serves foo.html
        assert fetch(base + "en/meetings/")[0] == 404  # no listing
        assert fetch(base.replace("/repo/", "/") + "en/index.html")[0] == 404  # outside the prefix


def test_checker_catches_a_broken_and_a_root_absolute_link(seed_site: BuiltSite, tmp_path: Path) -> None:
    copy = tmp_path / "site"
    (copy / "en").mkdir(parents=True)
    (copy / "en" / "index.html").write_text('<a href="gone.html">x</a><link href="/static/s.css">', encoding="utf-8")
    problems, _ = internal_targets(BuiltSite(copy, seed_site.config, 0.0))
    assert any("gone.html" in p and "broken" in p for p in problems)
    assert any("root-absolute" in p for p in problems)
