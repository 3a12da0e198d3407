"""Site configuration: ``digest.toml`` at the project root, every option optional.

Unknown keys and wrong types are diagnostics naming the file and line, so a
typo never silently falls back to a default.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from generator.model import Diagnostic, Level

CONFIG_NAME = "digest.toml"


@dataclass(frozen=True)
class Config:
    """Every option of ``digest.toml``, with its default."""

    title_en: str = "Defence Diplomacy Digest"
    title_hi: str = "रक्षा कूटनीति डाइजेस्ट"
    description_en: str = "Who met whom in India's defence diplomacy, from Hindi news, in two languages."
    description_hi: str = "भारत की रक्षा कूटनीति में कौन किससे मिला: हिंदी समाचारों से, दो भाषाओं में।"
    base_url: str = "https://example.github.io/defence-digest/"  # absolute URL of the published site
    languages: tuple[str, ...] = ("en", "hi")
    summary_sentences: int = 3
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


_TYPES: dict[str, type] = {f.name: (tuple if f.name == "languages" else int if f.type == "int" else str)
                           for f in fields(Config) if f.name != "root"}


def load(root: Path) -> tuple[Config, list[Diagnostic]]:
    """The configuration of the project at ``root`` and any problems with it."""
    path = root / CONFIG_NAME
    if not path.is_file():
        return Config(root=root), []
    text = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        line = getattr(err, "lineno", 1)
        return Config(root=root), [_problem(path, line, f"not valid TOML: {err}")]
    values: dict[str, Any] = {}
    problems: list[Diagnostic] = []
    for key, value in data.items():
        line = _line_of(text, key)
        expected = _TYPES.get(key)
        if expected is None:
            problems.append(_problem(path, line, f"unknown option {key!r}"))
        elif expected is tuple:
            if isinstance(value, list) and value and all(v in ("en", "hi") for v in value):
                values[key] = tuple(value)
            else:
                problems.append(_problem(path, line, f"{key} must be a list of 'en' and 'hi'"))
        elif expected is int and not (isinstance(value, int) and value > 0):
            problems.append(_problem(path, line, f"{key} must be a positive whole number"))
        elif expected is str and not isinstance(value, str):
            problems.append(_problem(path, line, f"{key} must be text"))
        else:
            values[key] = value
    base = values.get("base_url")
    if isinstance(base, str) and not base.startswith(("http://", "https://")):
        problems.append(_problem(path, _line_of(text, "base_url"), "base_url must start with https://"))
        del values["base_url"]
    elif isinstance(base, str) and not base.endswith("/"):
        values["base_url"] = base + "/"
    return Config(root=root, **values), problems


def _line_of(text: str, key: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip().startswith(key):
            return number
    return 1


def _problem(path: Path, line: int, message: str) -> Diagnostic:
    return Diagnostic(path.name, line, Level.ERROR, "config", message)
