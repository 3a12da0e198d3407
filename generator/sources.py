"""Find the input articles, decode them, read their metadata; report every problem.

Inputs are ``.txt`` and ``.md`` files under ``seeds/`` and ``content/articles/``,
each optionally opened by YAML front matter between ``---`` lines. A sidecar
``content/metadata/<file stem>.yaml`` with the same keys adds metadata to an
input without touching it; the input's own front matter wins over the sidecar.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator import hindi
from generator.model import Article, Bilingual, Diagnostic, Level, Metadata

INPUT_SUFFIXES = (".txt", ".md")
KNOWN_KEYS = frozenset(
    ["title", "title_hi", "title_en", "date", "place", "source", "url", "slug", "tags", "categories", "author", "summary", "lang"]
)
MAX_BYTES = 64 * 1024 * 1024
_SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]{0,119}$")
_FENCE = "---"


class _Loader(yaml.SafeLoader):
    """Safe YAML without implicit timestamps: dates are validated here, with a message."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class _Report:
    """Diagnostics collected while reading one file."""

    path: str
    found: list[Diagnostic] = field(default_factory=list)

    def error(self, line: int, code: str, message: str) -> None:
        self.found.append(Diagnostic(self.path, line, Level.ERROR, code, message))

    def warning(self, line: int, code: str, message: str) -> None:
        self.found.append(Diagnostic(self.path, line, Level.WARNING, code, message))


def discover(folders: Iterable[Path]) -> list[Path]:
    """Every input file under the given folders, in a stable order."""
    found: list[Path] = []
    for folder in folders:
        if folder.is_dir():
            found.extend(
                p for p in folder.rglob("*") if p.suffix in INPUT_SUFFIXES and p.is_file()
            )
    return sorted(found, key=lambda p: p.as_posix())


def decode(raw: bytes, report: _Report) -> str | None:
    """Text of a file: UTF-8 (BOM tolerated) or UTF-16 with a BOM; None if undecodable."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        report.warning(1, "utf16", "file is UTF-16; it was read, but save it as UTF-8")
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            report.error(1, "encoding", "file claims UTF-16 but cannot be decoded")
            return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        report.error(line, "encoding", f"not UTF-8: undecodable byte 0x{raw[err.start]:02x}")
        return None


def split_front_matter(text: str) -> tuple[str | None, str | None, int]:
    """(front matter or None, body, 1-based line where the body starts).

    The body is None when a front matter block is opened but never closed.
    """
    lines = text.split("\n")
    if lines[0].strip() != _FENCE:
        return None, text, 1
    for number, line in enumerate(lines[1:], start=1):
        if line.strip() == _FENCE:
            return "\n".join(lines[1:number]), "\n".join(lines[number + 1 :]), number + 2
    return "\n".join(lines[1:]), None, 1


def parse_yaml(text: str, first_line: int, report: _Report) -> dict[str, Any] | None:
    """A YAML mapping, or None after reporting why it is not one."""
    try:
        data = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = first_line + (mark.line if mark is not None else 0)
        report.error(line, "front-matter", f"front matter is not valid YAML: {_yaml_problem(err)}")
        return None
    if data is None:
        return {}
    if not isinstance(data, dict):
        report.error(first_line, "front-matter", "front matter must be a mapping of keys to values")
        return None
    return {str(k): v for k, v in data.items()}


def _yaml_problem(err: yaml.YAMLError) -> str:
    problem = getattr(err, "problem", None)
    return str(problem) if problem else str(err).splitlines()[0]


def _line_of_key(text: str, key: str, first_line: int) -> int:
    for offset, line in enumerate(text.split("\n")):
        if line.startswith(f"{key}:"):
            return first_line + offset
    return first_line


def _bilingual(value: Any, key: str, line: int, report: _Report) -> Bilingual | None:
    if isinstance(value, str):
        return Bilingual(hi=hindi.normalise(value).strip() or None)
    if isinstance(value, Mapping) and set(value) <= {"hi", "en"}:
        parts = {k: v for k, v in value.items() if isinstance(v, str) and v.strip()}
        if len(parts) == len(value):
            return Bilingual(
                hi=hindi.normalise(parts["hi"]) if "hi" in parts else None,
                en=parts["en"].strip() if "en" in parts else None,
            )
    report.error(line, f"bad-{key}", f"{key} must be text, or a mapping with 'hi' and/or 'en'")
    return None


def parse_date(value: Any) -> dt.date | None:
    """An ISO date (a datetime's date part is taken); None if it is not a date."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        try:
            return dt.datetime.fromisoformat(value.strip()).date()
        except ValueError:
            return None


def metadata(
    data: Mapping[str, Any], yaml_text: str, first_line: int, report: _Report
) -> tuple[Metadata, str | None]:
    """Validated metadata and the slug, dropping (and reporting) each bad field."""

    def line(key: str) -> int:
        return _line_of_key(yaml_text, key, first_line)

    for key in sorted(set(data) - KNOWN_KEYS):
        report.warning(line(key), "unknown-key", f"unknown front matter key {key!r} is ignored")
    date = None
    if data.get("date") is not None:
        date = parse_date(data["date"])
        if date is None:
            report.error(line("date"), "bad-date", f"date {data['date']!r} is not a date (YYYY-MM-DD)")
    title = _bilingual(data["title"], "title", line("title"), report) if "title" in data else None
    title = title or Bilingual()
    for lang in ("hi", "en"):
        value = data.get(f"title_{lang}")
        if isinstance(value, str) and value.strip():
            text = hindi.normalise(value) if lang == "hi" else value.strip()
            title = Bilingual(**{**title.__dict__, lang: text})
    place = _bilingual(data["place"], "place", line("place"), report) if "place" in data else None
    url = data.get("url")
    if url is not None and not (isinstance(url, str) and re.match(r"^https?://\S+$", url)):
        report.error(line("url"), "bad-url", "url must be an http:// or https:// address")
        url = None
    source = data.get("source")
    if source is not None and not isinstance(source, str):
        report.error(line("source"), "bad-source", "source must be text")
        source = None
    slug = data.get("slug")
    if slug is not None and not (isinstance(slug, str) and _SLUG.match(slug)):
        report.error(line("slug"), "bad-slug", "slug must be lower-case letters, digits, - and _")
        slug = None
    meta = Metadata(date=date, title=title, place=place or Bilingual(), source=source, url=url)
    return meta, slug


def default_slug(path: Path) -> str:
    """The file name without its extension, made safe for URLs."""
    slug = re.sub(r"[^a-z0-9_-]+", "-", path.stem.lower()).strip("-_")
    return slug[:120] or "article"


def read(path: Path, sidecar: Path | None, display: str) -> tuple[Article | None, list[Diagnostic]]:
    """One article and the problems found in it; None when nothing can be published."""
    report = _Report(display)
    size = path.stat().st_size
    if size > MAX_BYTES:
        report.error(1, "too-large", f"file is {size:,} bytes; the limit is {MAX_BYTES:,}")
        return None, report.found
    raw = path.read_bytes()
    side_raw = sidecar.read_bytes() if sidecar and sidecar.is_file() else b""
    text = decode(raw, report)
    if text is None:
        return None, report.found
    front, body, body_line = split_front_matter(text.replace("\r\n", "\n").replace("\r", "\n"))
    data: dict[str, Any] = {}
    yaml_text, yaml_line = "", 2
    if side_raw:
        side_report = _Report(str(sidecar))
        side_text = decode(side_raw, side_report)
        side_data = parse_yaml(side_text, 1, side_report) if side_text is not None else None
        report.found.extend(side_report.found)
        if side_data is not None and side_text is not None:
            data.update(side_data)
            yaml_text, yaml_line = side_text, 1
    if body is None:
        report.error(1, "front-matter", "front matter opened with --- is never closed")
        return None, report.found
    if front is not None:
        own = parse_yaml(front, 2, report)
        if own is None:
            return None, report.found
        data.update(own)
        yaml_text, yaml_line = front, 2
    meta, slug = metadata(data, yaml_text, yaml_line, report)
    body = hindi.normalise(body)
    if not body.strip():
        report.error(body_line, "empty", "the article has no text")
        return None, report.found
    if meta.date is None and "date" not in data:
        report.warning(1, "no-date", "no date given; the article is published as undated")
    digest = hashlib.sha256(raw + b"\0" + side_raw).hexdigest()
    article = Article(slug or default_slug(path), display, body, body_line, meta, digest)
    return article, report.found


def read_all(
    inputs: Iterable[Path], metadata_dir: Path | None, root: Path
) -> tuple[list[Article], list[Diagnostic]]:
    """Read every input; the later of two inputs claiming one slug is skipped."""
    articles: list[Article] = []
    problems: list[Diagnostic] = []
    owners: dict[str, str] = {}
    for path in inputs:
        sidecar = metadata_dir / f"{path.stem}.yaml" if metadata_dir else None
        display = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        article, found = read(path, sidecar, display)
        problems.extend(found)
        if article is None:
            continue
        if article.slug in owners:
            problems.append(
                Diagnostic(display, 1, Level.ERROR, "duplicate-slug",
                           f"slug {article.slug!r} is already used by {owners[article.slug]}; skipped")
            )
            continue
        owners[article.slug] = display
        articles.append(article)
    return articles, problems
