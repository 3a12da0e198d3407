"""Find the input articles, decode them, read their metadata; report every problem.

Inputs are ``.txt`` and ``.md`` files under ``seeds/`` and ``content/articles/``,
each optionally opened by YAML front matter between ``---`` lines. A sidecar
``content/metadata/<file stem>.yaml`` with the same keys adds metadata to an
input without touching it; the input's own front matter wins over the sidecar.

Hostile or broken input is a diagnostic, never an exception: a file over
MAX_BYTES (2 MiB) is refused unread; undecodable bytes and control characters
are errors; front matter over MAX_FRONT_MATTER characters or nesting deeper
than MAX_NESTING is refused before YAML sees it (PyYAML is quadratic in depth);
text with no Devanagari, foreign lines, stray marks, zero-width characters and
runs too long to segment are warnings. Every check is linear in the input.
"""

from __future__ import annotations

import codecs
import dataclasses
import datetime as dt
import hashlib
import os
import re
from collections.abc import Callable, Iterable, Mapping
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
# The largest input read, in bytes. A long news report is under 100 KB; a larger
# file is a scraping accident or an attack, and is refused unread.
MAX_BYTES = 2 * 1024 * 1024
MAX_FRONT_MATTER = 64 * 1024  # characters of YAML: a few keys need a few hundred
MAX_NESTING = 20  # [ and { inside each other in front matter
_SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]{0,119}$")
_URL = re.compile(r"^https?://[^\s<>\"'`\\{}|^\x00-\x1f\x7f]+$")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")  # C0 controls but tab, line ends, VT, FF
_MARKS = "\u0900-\u0903\u093a-\u093c\u093e-\u094f\u0951-\u0957\u0962\u0963\u0300-\u036f"
# A vowel sign, nukta or accent with no letter before it (ZWJ and ZWNJ may sit between).
# (The look-behind follows the mark: searched for first, the mark is found fast.)
_STRAY_MARK = re.compile(rf"[{_MARKS}](?<![\w\u0900-\u097f\u0300-\u036f\u200c\u200d][{_MARKS}])")
_UNSPLIT = re.compile(r"[^।॥?!.\n]+")  # a run the segmenter can only cut at spaces
_DEVANAGARI_LETTER = re.compile(r"[\u0904-\u0939\u0958-\u0961\u0972-\u097f]")
_SCRIPTS = (("Arabic", re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc]")),
            ("Latin", re.compile(r"[A-Za-z\u00c0-\u024f]")))
_FENCE = "---"


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]  # C parser when built
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
        for root, _, files in os.walk(folder):  # nothing for a missing folder; os.walk is plain C-level work
            found.extend(Path(root, name) for name in files if os.path.splitext(name)[1] in INPUT_SUFFIXES
                         and os.path.isfile(os.path.join(root, name)))
    return sorted(found, key=lambda p: p.as_posix())


def _line_number(before: str) -> int:
    """The 1-based line a position is on, given the text before it (LF, CRLF or CR line ends)."""
    return before.count("\n") + before.count("\r") - before.count("\r\n") + 1


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
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = _line_number(raw[: err.start].decode("utf-8", "replace"))
        report.error(line, "encoding", f"not UTF-8: undecodable byte 0x{raw[err.start]:02x}")
        return None
    control = _CONTROL.search(text)
    if control:
        line = _line_number(text[: control.start()])
        code = f"U+{ord(control.group()):04X}"
        report.error(line, "binary", f"control character {code} in the text: not a text file")
        return None
    return text


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
    if len(text) > MAX_FRONT_MATTER:
        report.error(first_line, "front-matter",
                     f"front matter is {len(text):,} characters; the limit is {MAX_FRONT_MATTER:,}")
        return None
    if _flow_depth(text) > MAX_NESTING:
        report.error(first_line, "front-matter", f"front matter nests [ or {{ deeper than {MAX_NESTING}")
        return None
    try:
        data = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        index = min(mark.index, len(text)) if mark is not None else 0
        line = first_line + text.count("\n", 0, index)  # YAML also breaks lines at U+0085, U+2028
        report.error(line, "front-matter", f"front matter is not valid YAML: {_yaml_problem(err)}")
        return None
    except (ValueError, TypeError, OverflowError, RecursionError) as err:  # e.g. !!timestamp 2023-02-30
        report.error(first_line, "front-matter", f"front matter has a value YAML cannot read: {type(err).__name__}")
        return None
    if data is None:
        return {}
    if not isinstance(data, dict):
        report.error(first_line, "front-matter", "front matter must be a mapping of keys to values")
        return None
    return {str(k): v for k, v in data.items()}


def _flow_depth(text: str) -> int:
    """How deep ``[`` and ``{`` nest (quotes ignored): PyYAML is quadratic in this depth."""
    depth = deepest = 0
    for ch in text:
        if ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}" and depth:
            depth -= 1
    return deepest


def _yaml_problem(err: yaml.YAMLError) -> str:
    problem = getattr(err, "problem", None)
    return str(problem) if problem else str(err).splitlines()[0]


def _line_of_key(text: str, key: str, first_line: int) -> int:
    for offset, line in enumerate(text.split("\n")):
        if line.startswith(f"{key}:"):
            return first_line + offset
    return first_line


def _text(value: str, lang: str = "en") -> str:
    """Metadata text without control characters; Hindi normalised."""
    value = _CONTROL.sub("", value)
    return hindi.normalise(value).strip() if lang == "hi" else " ".join(value.split())


def _shown(value: Any) -> str:
    """A short, safe rendering of a bad value for a message."""
    return repr(value[:40]) if isinstance(value, str) else f"of type {type(value).__name__}"


def _bilingual(value: Any, key: str, line: int, report: _Report) -> Bilingual | None:
    if isinstance(value, str):
        return Bilingual(hi=_text(value, "hi") or None)
    if isinstance(value, Mapping) and set(value) <= {"hi", "en"}:
        parts = {k: v for k, v in value.items() if isinstance(v, str) and v.strip()}
        if len(parts) == len(value):
            return Bilingual(
                hi=_text(parts["hi"], "hi") or None if "hi" in parts else None,
                en=_text(parts["en"]) or None if "en" in parts else None,
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
            report.error(line("date"), "bad-date", f"date {_shown(data['date'])} is not a date (YYYY-MM-DD)")
    title = _bilingual(data["title"], "title", line("title"), report) if "title" in data else None
    title = title or Bilingual()
    for lang in ("hi", "en"):
        value = data.get(f"title_{lang}")
        if isinstance(value, str) and value.strip():
            text = _text(value, lang) or None
            title = dataclasses.replace(title, **{lang: text or getattr(title, lang)})
    place = _bilingual(data["place"], "place", line("place"), report) if "place" in data else None
    url = data.get("url")
    if url is not None and not (isinstance(url, str) and _URL.match(url)):
        report.error(line("url"), "bad-url", "url must be an http:// or https:// address")
        url = None
    source = data.get("source")
    if source is not None and not isinstance(source, str):
        report.error(line("source"), "bad-source", "source must be text")
        source = None
    source = _text(source) or None if source is not None else None
    slug = data.get("slug")
    if slug is not None and not (isinstance(slug, str) and _SLUG.match(slug)):
        report.error(line("slug"), "bad-slug", "slug must be lower-case letters, digits, - and _")
        slug = None
    meta = Metadata(date=date, title=title, place=place or Bilingual(), source=source, url=url)
    return meta, slug


def _line(text: str, index: int, first_line: int) -> int:
    return first_line + text.count("\n", 0, index)


def check_text(body: str, first_line: int, report: _Report) -> None:
    """Warn about what normalising or segmenting will change: stray marks, unsplittable runs."""
    stray = _STRAY_MARK.search(body)
    if stray:
        report.warning(_line(body, stray.start(), first_line), "stray-mark",
                       f"combining mark U+{ord(stray.group()):04X} does not follow a letter")
    excess = hindi.excess_mark(body)
    if excess is not None:
        report.warning(_line(body, excess, first_line), "too-many-marks",
                       f"more than {hindi.MAX_MARKS} combining marks on one letter; the rest are dropped")
    invisible = re.search("[\u200b\u2060\ufeff]", body)
    if invisible:
        report.warning(_line(body, invisible.start(), first_line), "invisible",
                       "zero-width characters in the text are removed")
    for match in _UNSPLIT.finditer(body):
        if len(match.group()) > hindi.MAX_SENTENCE:
            report.warning(_line(body, match.start(), first_line), "long-sentence",
                           f"{len(match.group()):,} characters without a sentence end; "
                           f"cut into sentences of at most {hindi.MAX_SENTENCE:,}")
            break


def check_scripts(body: str, first_line: int, report: _Report) -> None:
    """Warn when the text, or whole lines of it, are not in Devanagari."""
    if not _DEVANAGARI_LETTER.search(body):
        script = next((name for name, letters in _SCRIPTS if letters.search(body)), "another")
        report.warning(first_line, "no-devanagari",
                       f"no Devanagari text ({script} script): names and meetings will not be found")
        return
    foreign = [n for n, line in enumerate(body.split("\n"), start=first_line)
               if line.strip() and not _DEVANAGARI_LETTER.search(line)
               and any(letters.search(line) for _, letters in _SCRIPTS)]
    if foreign:
        report.warning(foreign[0], "not-hindi",
                       f"{len(foreign)} line(s) without Devanagari text, first this one: they are kept as written")


def default_slug(path: Path) -> str:
    """The file name without its extension, made safe for URLs."""
    slug = re.sub(r"[^a-z0-9_-]+", "-", path.stem.lower()).strip("-_")
    return slug[:120] or "article"


def read(path: Path, sidecar: Path | None, display: str) -> tuple[Article | None, list[Diagnostic]]:
    """One article and the problems found in it; None when nothing can be published."""
    report = _Report(display)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            report.error(1, "too-large", f"file is {size:,} bytes; the limit is {MAX_BYTES:,} (not read)")
            return None, report.found
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)  # never more, even if the file grew since stat
        side_raw = sidecar.read_bytes() if sidecar and sidecar.is_file() else b""
    except OSError as err:
        report.error(1, "unreadable", f"cannot read the file: {err.strerror or err}")
        return None, report.found
    if len(raw) > MAX_BYTES:  # grew since stat
        report.error(1, "too-large", f"file is over the limit of {MAX_BYTES:,} bytes (not read)")
        return None, report.found
    return _parse(raw, side_raw, path, sidecar, report)


def parse(
    raw: bytes, side_raw: bytes, path: Path, sidecar: Path | None, display: str
) -> tuple[Article | None, list[Diagnostic]]:
    """:func:`read` for bytes already read from ``path`` (at most MAX_BYTES) and its sidecar (or b"")."""
    return _parse(raw, side_raw, path, sidecar, _Report(display))


def _parse(
    raw: bytes, side_raw: bytes, path: Path, sidecar: Path | None, report: _Report
) -> tuple[Article | None, list[Diagnostic]]:
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
    check_text(body, body_line, report)
    body = hindi.normalise(body)
    if not body.strip():
        report.error(body_line, "empty", "the article has no text")
        return None, report.found
    check_scripts(body, body_line, report)
    if meta.date is None and "date" not in data:
        report.warning(1, "no-date", "no date given; the article is published as undated")
    digest = hashlib.sha256(raw + b"\0" + side_raw).hexdigest()
    article = Article(slug or default_slug(path), report.path, body, body_line, meta, digest)
    return article, report.found


Reader = Callable[[Path, "Path | None", str], "tuple[Article | None, list[Diagnostic]]"]


def read_all(
    inputs: Iterable[Path], metadata_dir: Path | None, root: Path, reader: Reader | None = None
) -> tuple[list[Article], list[Diagnostic]]:
    """Read every input (with ``reader``, default ``read``); the later of two inputs claiming one slug is skipped."""
    articles: list[Article] = []
    problems: list[Diagnostic] = []
    owners: dict[str, str] = {}
    for path in inputs:
        sidecar = metadata_dir / f"{path.stem}.yaml" if metadata_dir else None
        display = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        article, found = (reader or read)(path, sidecar, display)
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
