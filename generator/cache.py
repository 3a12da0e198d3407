"""Caches of the build: pickled values keyed by content hash and code version.

They only save time: an unreadable entry is a miss, and deleting ``.cache/`` is safe.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
from pathlib import Path
from typing import Any

from generator import atomic, sources
from generator.model import Article, Diagnostic


class Store:
    """Pickled values on disk under one namespace and version; unreadable entries are misses."""

    def __init__(self, folder: Path, namespace: str, version: str) -> None:
        self.folder = folder / namespace / hashlib.sha256(version.encode()).hexdigest()[:16]
        self._root = os.fspath(self.folder)

    def _file(self, key: str) -> str:
        """The entry's file name (a string: joining Paths costs more than the look-up it serves)."""
        return os.path.join(self._root, key[:2], f"{key}.pickle")

    def get(self, key: str) -> Any:
        try:
            with open(self._file(key), "rb") as handle:
                return pickle.loads(handle.read())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
            return None

    def has(self, key: str) -> bool:
        """True when an entry is stored under ``key`` (it may still prove unreadable)."""
        return os.path.isfile(self._file(key))

    def prune_others(self) -> None:
        """Delete the entries of other versions of this namespace (older code or settings)."""
        for other in self.folder.parent.iterdir() if self.folder.parent.is_dir() else ():
            if other != self.folder and other.is_dir():
                shutil.rmtree(other, ignore_errors=True)

    def put(self, key: str, value: object) -> None:
        atomic.write_bytes(
            Path(self._file(key)), pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), durable=False
        )


class CachedReader:
    """``sources.read`` remembered by the bytes of the input and its sidecar."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def __call__(self, path: Path, sidecar: Path | None, display: str) -> tuple[Article | None, list[Diagnostic]]:
        try:
            if path.stat().st_size > sources.MAX_BYTES:
                return sources.read(path, sidecar, display)
            raw = path.read_bytes()
            side = sidecar.read_bytes() if sidecar and sidecar.is_file() else b""
        except OSError:
            return sources.read(path, sidecar, display)
        key = hashlib.sha256(raw + b"\0" + side + b"\0" + display.encode()).hexdigest()
        found = self.store.get(key)
        if isinstance(found, tuple) and len(found) == 2:
            return found
        if len(raw) > sources.MAX_BYTES:  # grew since stat: read reports it
            read = sources.read(path, sidecar, display)
        else:  # the bytes the key was made of, not read again
            read = sources.parse(raw, side, path, sidecar, display)
        self.store.put(key, read)
        return read
