"""Site configuration: ``digest.toml`` at the project root, every option optional.

Unknown keys, wrong types and bad values are diagnostics naming the file and
line, so a typo never silently falls back to a default. The example
``digest.toml`` in the repository documents every option.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from generator.model import Diagnostic, Level

CONFIG_NAME = "digest.toml"
LANGUAGES = ("en", "hi")


@dataclass(frozen=True)
class Config:
    """Every option of ``digest.toml``, with its default."""

    title_en: str = "Defence Diplomacy Digest"
    title_hi: str = "रक्षा कूटनीति डाइजेस्ट"
    description_en: str = "Who met whom in India's defence diplomacy, from Hindi news, in two languages."
    description_hi: str = "भारत की रक्षा कूटनीति में कौन किससे मिला: हिंदी समाचारों से, दो भाषाओं में।"
    base_url: str = "https://example.github.io/defence-digest/"  # absolute URL of the published site
    languages: tuple[str, ...] = LANGUAGES
    summary_sentences: int = 3
    summary_chars: int = 250  # at equal length the summariser beats lead-3; see bench/summaries_eval.py
    feed_entries: int = 50
    seeds_dir: str = "seeds"
    content_dir: str = "content"
    templates_dir: str = "templates"
    output_dir: str = "site"
    cache_dir: str = ".cache"
    root: Path = field(default=Path("."), compare=False)

    def path(self, name: str) -> Path:
        """A configured folder resolved against the project root."""
        value: str = getattr(self, name)
        return self.root / value

    def title(self, lang: str) -> str:
        return self.title_hi if lang == "hi" else self.title_en

    def description(self, lang: str) -> str:
        return self.description_hi if lang == "hi" else self.description_en

    def base_path(self) -> str:
        """The URL path the site is published under, e.g. ``/defence-digest/``."""
        return urlsplit(self.base_url).path or "/"


_INTS = {"summary_sentences": (1, 20), "summary_chars": (40, 5000), "feed_entries": (1, 1000)}
_FOLDERS = {"seeds_dir", "content_dir", "templates_dir", "output_dir", "cache_dir"}
OPTIONS = tuple(f.name for f in fields(Config) if f.name != "root")


def load(root: Path) -> tuple[Config, list[Diagnostic]]:
    """The configuration of the project at ``root`` and any problems with it."""
    path = root / CONFIG_NAME
    if not path.is_file():
        return Config(root=root), []
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except UnicodeDecodeError as err:
        return Config(root=root), [_problem(path, 1, f"not UTF-8: {err.reason}")]
    except tomllib.TOMLDecodeError as err:
        line = _toml_error_line(err)
        return Config(root=root), [_problem(path, line, f"not valid TOML: {err}")]
    values: dict[str, Any] = {}
    problems: list[Diagnostic] = []
    for key, value in data.items():
        line = _line_of(text, key)
        error = _check(key, value)
        if error:
            problems.append(_problem(path, line, error))
        else:
            values[key] = _clean(key, value)
    return Config(root=root, **values), problems


def _check(key: str, value: Any) -> str | None:
    """Why ``value`` is not acceptable for option ``key``; None when it is."""
    if key not in OPTIONS:
        close = difflib.get_close_matches(key, OPTIONS, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        return f"unknown option {key!r}{hint}"
    if key == "languages":
        ok = isinstance(value, list) and value and len(set(value)) == len(value)
        if not (ok and all(v in LANGUAGES for v in value)):
            return "languages must be a list of 'en' and/or 'hi', each at most once"
        return None
    if key in _INTS:
        low, high = _INTS[key]
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            return f"{key} must be a whole number from {low} to {high}"
        return None
    if not isinstance(value, str) or not value.strip():
        return f"{key} must be non-empty text"
    if key == "base_url":
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
            return "base_url must be an absolute http(s) address like https://user.github.io/repo/"
    if key in _FOLDERS and Path(value).is_absolute():
        return f"{key} must be a folder relative to the project, not {value!r}"
    return None


def _clean(key: str, value: Any) -> Any:
    if key == "languages":
        return tuple(value)
    if key == "base_url" and not value.endswith("/"):
        return value + "/"
    return value.strip() if isinstance(value, str) else value


def _toml_error_line(err: tomllib.TOMLDecodeError) -> int:
    found = re.search(r"line (\d+)", str(err))
    return int(found.group(1)) if found else 1


def _line_of(text: str, key: str) -> int:
    pattern = re.compile(rf"^\s*\[?\s*[\"']?{re.escape(key)}[\"']?\s*[=.\]]")
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.match(line):
            return number
    return 1


def _problem(path: Path, line: int, message: str) -> Diagnostic:
    return Diagnostic(path.name, line, Level.ERROR, "config", message)
