"""A small on-disk cache of machine translations, keyed by engine and source text.

A sentence already translated by the same engine and model version is never
sent to the model again. The file is JSON, written atomically; a missing or
unreadable file is an empty cache (it only saves time, it holds no truth).
"""

from __future__ import annotations

import json
from pathlib import Path

from generator import atomic


class TranslationCache:
    """Machine output per engine fingerprint; ``path`` None keeps it in memory only."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._entries: dict[str, dict[str, str]] = _read(path) if path else {}
        self._dirty = False

    def get(self, engine: str, source: str) -> str | None:
        """The cached output of ``engine`` for ``source``, if any."""
        return self._entries.get(engine, {}).get(source)

    def put(self, engine: str, source: str, text: str) -> None:
        """Remember one translation (saved by ``save``)."""
        if self._entries.setdefault(engine, {}).get(source) != text:
            self._entries[engine][source] = text
            self._dirty = True

    def save(self) -> None:
        """Write the cache atomically if anything changed."""
        if self.path is None or not self._dirty:
            return
        payload = json.dumps({"version": 1, "engines": self._entries},
                             ensure_ascii=False, indent=1, sort_keys=True)
        atomic.write_text(self.path, payload + "\n", durable=False)
        self._dirty = False


def _read(path: Path) -> dict[str, dict[str, str]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    engines = data.get("engines") if isinstance(data, dict) else None
    if not isinstance(engines, dict):
        return {}
    return {
        str(engine): {str(k): v for k, v in table.items() if isinstance(v, str)}
        for engine, table in engines.items()
        if isinstance(table, dict)
    }
