"""Output files kept between builds: an unchanged file is linked into the new site, not rewritten.

Files are stored under a key (a page's fingerprint, or a hash of the bytes)
and hard-linked into the fresh output tree, so an unchanged page keeps its
bytes and its timestamp from one build to the next, and costs no rendering.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
from collections.abc import Callable
from pathlib import Path

from generator import atomic


class OutputStore:
    """Stored output files under ``folder``, placed into the site tree at ``out``."""

    def __init__(self, folder: Path, out: Path) -> None:
        self.folder = folder
        self.out = out.resolve()
        self.used: set[str] = set()
        self.made = 0
        self.reused = 0

    def _stored(self, key: str) -> Path:
        return self.folder / key[:2] / key

    def target(self, path: str) -> Path:
        """Where ``path`` goes in the site; ValueError if it would leave the output folder."""
        target = self.out / path
        if not target.resolve().is_relative_to(self.out):
            raise ValueError(f"output path leaves the output folder: {path}")
        return target

    def place(self, path: str, key: str, make: Callable[[], bytes]) -> None:
        """Put the file for ``key`` at ``path`` in the site, calling ``make`` only if it is not stored."""
        target = self.target(path)
        stored = self._stored(key)
        if stored.is_file():
            self.reused += 1
        else:
            atomic.write_bytes(stored, make(), durable=False)
            self.made += 1
        self.used.add(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        link(stored, target)

    def write(self, path: str, data: bytes) -> None:
        """Put ``data`` at ``path``, stored by its own hash (feeds, exports, sitemap)."""
        self.place(path, "b" + hashlib.sha256(data).hexdigest(), lambda: data)

    def prune(self) -> int:
        """Delete stored files no longer used; returns how many."""
        removed = 0
        for shard in self.folder.iterdir() if self.folder.is_dir() else ():
            for stored in shard.iterdir():
                if stored.name not in self.used:
                    stored.unlink(missing_ok=True)
                    removed += 1
        return removed


def link(source: Path, target: Path) -> None:
    """Hard-link ``source`` at ``target``; copy (keeping the timestamp) across file systems."""
    try:
        os.link(source, target)
    except OSError as err:
        if err.errno not in (errno.EXDEV, errno.EPERM, errno.EMLINK, errno.ENOTSUP):
            raise
        shutil.copy2(source, target)
