"""Turn news items into article files with front matter, validated as the build reads them.

Two kinds of input: plain-text items (line 1 an ISO date, a blank line, the
headline, a blank line, then paragraphs separated by blank lines) and JSON
Lines files (one object per line with ``text`` and optional ``title``, ``date``,
``url``, ``source``, ``place``, ``slug``). Every item gets a stable slug (its date
and file name; for JSON Lines its URL or text), so importing the same folder
again adds nothing, and an existing file is never overwritten. ``digest new``
uses the same helpers to compose, check and write an article.
"""

from __future__ import annotations

import hashlib
import json
import re
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator import atomic, hindi, sources
from generator.model import Diagnostic, Level

TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_FIELDS = ("title", "date", "place", "source", "url", "slug")


@dataclass(frozen=True)
class Item:
    """One news item: where it came from, its body text and its front matter fields."""

    file: str  # path of the item's file, relative to the imported folder
    line: int  # 1-based line of the item in that file
    body: str
    fields: Mapping[str, Any]
    slug: str  # the slug it gets unless its fields name one


@dataclass
class Report:
    """What an import did: files written, items already present, items skipped and why."""

    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    skipped: int = 0
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def skip(self, diagnostic: Diagnostic) -> None:
        self.skipped += 1
        self.diagnostics.append(diagnostic)


def article_text(fields: Mapping[str, Any], body: str) -> str:
    """An article file: YAML front matter with the given fields, then the body."""
    kept = {key: fields[key] for key in _FIELDS if fields.get(key) not in (None, "", {})}
    front = yaml.safe_dump(kept, allow_unicode=True, sort_keys=False, width=1000) if kept else ""
    return f"---\n{front}---\n{body.strip()}\n"


def validate(text: str, display: str, scratch: Path | None = None) -> list[Diagnostic]:
    """The diagnostics the build would report for a file with this text.

    The text is written to ``scratch`` (a folder of yours) or a temporary folder and read back.
    """
    if scratch is None:
        with tempfile.TemporaryDirectory(prefix="digest-check-") as folder:
            return validate(text, display, Path(folder))
    path = scratch / "article.txt"
    path.write_bytes(text.encode("utf-8"))
    article, found = sources.read(path, None, display)
    if article is None and not any(d.level is Level.ERROR for d in found):
        found.append(Diagnostic(display, 1, Level.ERROR, "unreadable", "nothing can be published"))
    return found


def stable_slug(date: Any, name: str) -> str:
    """``<date>-<name>`` made safe for URLs; the same item always gets the same slug."""
    parsed = sources.parse_date(date)
    prefix = parsed.isoformat() if parsed else "undated"
    return sources.default_slug(Path(f"{prefix}-{name}"))


def _text_key(body: str) -> str:
    text = " ".join(hindi.normalise(body).split())
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]


def write_new(path: Path, data: bytes) -> bool:
    """Write a new file atomically; False, leaving everything as it was, if it exists."""
    return atomic.create_bytes(path, data)


def read_text_item(text: str, origin: str) -> tuple[Item | None, list[Diagnostic]]:
    """A plain-text item: date line, blank, headline, blank, paragraphs."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    first = lines[0].strip()
    if not _ISO_DATE.match(first) or sources.parse_date(first) is None:
        return None, [_error(origin, 1, "no-date-line", f"line 1 must be a date like 2020-01-31, not {first[:40]!r}")]
    rest = iter(enumerate(lines[1:], start=2))
    headline, number = next(((line.strip(), n) for n, line in rest if line.strip()), ("", 0))
    if not headline:
        return None, [_error(origin, 2, "no-headline", "no headline after the date line")]
    body = "\n".join(lines[number:]).strip()
    if not body:
        return None, [_error(origin, number, "empty", "no text after the headline")]
    name = str(Path(origin).with_suffix("")).replace("/", "-")
    return Item(origin, 1, body, {"date": first, "title": headline}, stable_slug(first, name)), []


def read_jsonl_items(text: str, origin: str) -> tuple[list[Item], list[Diagnostic]]:
    """Items of a JSON Lines file; each bad line is a diagnostic naming it."""
    items: list[Item] = []
    problems: list[Diagnostic] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as err:
            problems.append(_error(origin, number, "bad-json", f"not JSON: {err.msg}"))
            continue
        if not isinstance(data, dict):
            problems.append(_error(origin, number, "bad-json", "each line must be a JSON object"))
            continue
        body = data.get("text")
        if not isinstance(body, str) or not body.strip():
            problems.append(_error(origin, number, "empty", "no 'text' field with the article"))
            continue
        fields = {key: data[key] for key in _FIELDS if key in data}
        url = data.get("url")
        key = hashlib.sha256(url.encode()).hexdigest()[:10] if isinstance(url, str) else _text_key(body)
        items.append(Item(origin, number, body, fields, stable_slug(data.get("date"), key)))
    return items, problems


def read_folder(folder: Path) -> tuple[list[Item], list[Diagnostic]]:
    """Every item in the files under ``folder`` (hidden ones aside); each diagnostic is a skip."""
    items: list[Item] = []
    problems: list[Diagnostic] = []
    for path in _files(folder):
        origin = path.relative_to(folder).as_posix()
        if path.suffix not in TEXT_SUFFIXES + JSONL_SUFFIXES:
            problems.append(Diagnostic(origin, 1, Level.WARNING, "not-an-item", "skipped: not a .txt or .jsonl file"))
            continue
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError as err:
            problems.append(_error(origin, 1, "encoding", f"skipped: not UTF-8 ({err.reason})"))
            continue
        if path.suffix in JSONL_SUFFIXES:
            found, bad = read_jsonl_items(text, origin)
            items.extend(found)
            problems.extend(bad)
        else:
            item, bad = read_text_item(text, origin)
            items.extend([item] if item else [])
            problems.extend(bad)
    return items, problems


def import_folder(folder: Path, into: Path) -> Report:
    """Import every item under ``folder`` into the article folder ``into``."""
    items, problems = read_folder(folder)
    report = Report()
    for problem in problems:
        report.skip(problem)
    seen: dict[str, Item] = {}
    with tempfile.TemporaryDirectory(prefix="digest-import-") as scratch:
        for item in items:
            fields = _normalised(item.fields)
            fields.setdefault("slug", item.slug)
            text = article_text(fields, item.body)
            found = [_at(d, item) for d in validate(text, item.file, Path(scratch))]
            errors = [d for d in found if d.level is Level.ERROR]
            if errors:
                report.skip(errors[0])
                continue
            report.diagnostics.extend(found)
            slug = fields["slug"]
            if slug in seen:
                first = seen[slug]
                report.skip(_error(item.file, item.line, "duplicate", f"skipped: same slug as {first.file}:{first.line}"))
                continue
            seen[slug] = item
            _write(into / f"{slug}.txt", text.encode("utf-8"), item, report)
    return report


def _normalised(fields: Mapping[str, Any]) -> dict[str, Any]:
    """The item's fields, with a valid date written as YYYY-MM-DD."""
    out = dict(fields)
    date = sources.parse_date(out.get("date"))
    if date is not None:
        out["date"] = date.isoformat()
    return out


def _write(target: Path, data: bytes, item: Item, report: Report) -> None:
    if write_new(target, data):
        report.written.append(target)
    elif target.read_bytes() == data:
        report.unchanged.append(target)
    else:
        report.skip(Diagnostic(item.file, item.line, Level.WARNING, "exists",
                               f"skipped: {target.name} exists with other text; left as it is"))


def _files(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*"), key=lambda p: p.as_posix()):
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(folder).parts):
            yield path


def _at(diagnostic: Diagnostic, item: Item) -> Diagnostic:
    """A diagnostic of the composed article, placed at the item it came from."""
    prefix = "skipped: " if diagnostic.level is Level.ERROR else ""
    return Diagnostic(item.file, item.line, diagnostic.level, diagnostic.code, prefix + diagnostic.message)


def _error(path: str, line: int, code: str, message: str) -> Diagnostic:
    return Diagnostic(path, line, Level.ERROR, code, message)
