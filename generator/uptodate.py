"""Whether the published site is still what the inputs make: a build that has nothing to do does nothing.

A stamp hashes every input's name, size and modification time (seeds,
content, templates, the configuration), the generator's code and the versions
of the libraries that shape the output, and which translation engine and
search indexer are installed. After publishing, the build saves the stamp, a
stamp of the site's own files (a page edited, added or removed there is
noticed), and its own result. A later build with equal stamps reports that
result again instead of building, as ``make`` does; any difference means a
normal (incremental) build.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator import atomic
from generator.fingerprint import code_version
from generator.model import Diagnostic, Level

LIBRARIES = ("jinja2", "markdown", "babel", "indic-transliteration", "pyyaml", "pagefind", "pagefind-bin",
             "argostranslate")
STATE = "last-build.json"


@dataclass(frozen=True)
class Inputs:
    """The stamp of what a build reads: article files apart (``quick``), everything else in one hash."""

    rest: str
    articles: dict[str, tuple[int, int]]  # article file -> size, modification time (ns)

    @property
    def stamp(self) -> str:
        listing = "".join(f"{path}\0{size}\0{mtime}\n" for path, (size, mtime) in sorted(self.articles.items()))
        return hashlib.sha256(f"{self.rest}\n{listing}".encode()).hexdigest()


def stamp(
    config_values: str, folders: list[Path], engine: str, target: Path, is_article: Callable[[str], bool]
) -> Inputs:
    """What a build reads, by name, size and modification time; the files ``is_article`` picks are kept apart."""
    digest = hashlib.sha256(f"{code_version()}\0{config_values}\0{engine}\0{target}".encode())
    for name in LIBRARIES:
        try:
            digest.update(f"{name}={importlib.metadata.version(name)};".encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(f"{name} missing;".encode())
    found: dict[str, tuple[int, int]] = {}
    for folder in folders:
        digest.update(f"\0{folder}\0".encode())
        paths = [os.fspath(folder)] if folder.is_file() else _files(folder)
        for path in paths:
            with contextlib.suppress(OSError):  # removed while we looked: as if absent
                info = os.stat(path)
                if is_article(path):
                    found[path] = (info.st_size, info.st_mtime_ns)
                else:
                    digest.update(f"{path}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
    return Inputs(digest.hexdigest(), found)


def _files(folder: Path) -> Iterator[str]:
    """Every file under ``folder``, in a stable order."""
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            yield os.path.join(root, name)


def engines() -> str:
    """The installed argostranslate packages, by their metadata and model size; "none" without argostranslate."""
    try:
        from argostranslate import settings
    except ImportError:
        return "none"
    found = []
    for folder in settings.package_dirs:
        for meta in sorted(Path(folder).glob("*/metadata.json")):
            model = meta.parent / "model" / "model.bin"
            sizes = [os.stat(p).st_size if p.is_file() else -1 for p in (meta, model)]
            found.append(f"{meta.parent.name}:{sizes}:{os.stat(meta).st_mtime_ns}")
    return ";".join(found)


def load(cache: Path) -> dict[str, Any]:
    try:
        found = json.loads((cache / STATE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def save(cache: Path, stamp_value: str, site_stamp: int, result: dict[str, Any]) -> None:
    """Save the inputs' stamp, the published site's (``trees.walked_stamp``) and the build's result."""
    state = {"stamp": stamp_value, "site": site_stamp, "result": result}
    atomic.write_text(cache / STATE, json.dumps(state, ensure_ascii=False), durable=False)


def current(cache: Path, stamp_value: str, site_stamp: Callable[[], int]) -> dict[str, Any] | None:
    """The saved result of the last build if the inputs and the site (``site_stamp()``) are as it left them."""
    state = load(cache)
    if state.get("stamp") != stamp_value or state.get("site") != site_stamp():
        return None
    result = state.get("result")
    return result if isinstance(result, dict) else None


def diagnostics_to_json(found: list[Diagnostic]) -> list[list[Any]]:
    return [[d.path, d.line, d.level.value, d.code, d.message] for d in found]


def diagnostics_from_json(found: list[list[Any]]) -> list[Diagnostic]:
    return [Diagnostic(str(p), int(n), Level(level), str(code), str(message)) for p, n, level, code, message in found]
