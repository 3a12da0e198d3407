"""Output files kept between builds: an unchanged file is linked into the new site, not rewritten.

Files are stored under a key (a page's fingerprint, or a hash of the bytes)
and hard-linked into the fresh output tree, so an unchanged page keeps its
bytes and its timestamp from one build to the next, and costs no rendering.
The store remembers each file's size and modification time: a stored file
that was changed since (damaged, or edited through a published link) is made
again instead of being published.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import pickle
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from generator import atomic

_INDEX = "index.pickle"


class OutputStore:
    """Stored output files under ``folder``, placed into the site tree at ``out``."""

    def __init__(self, folder: Path, out: Path) -> None:
        self.folder = folder
        self.out = out
        self._folder, self._out = os.fspath(folder), os.fspath(out)  # strings: this runs per file
        self._made_dirs: set[str] = set()
        self.used: set[str] = set()
        self.made = 0
        self.reused = 0
        self._index: dict[str, tuple[int, int]] = {}
        self.groups: dict[str, tuple[str, ...]] = {}  # a group of files made together (the search index)
        with contextlib.suppress(OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError):
            index, groups = pickle.loads((folder / _INDEX).read_bytes())
            if isinstance(index, dict) and isinstance(groups, dict):
                self._index, self.groups = index, groups

    def _stored(self, key: str) -> str:
        return f"{self._folder}/{key[:2]}/{key}"

    def target(self, path: str) -> str:
        """Where ``path`` goes in the site; ValueError if it would leave the output folder.

        A string check, not ``resolve()``: it runs for every file and the tree is our own.
        """
        parts = path.split("/")
        if path.startswith("/") or "\\" in path or "\0" in path or any(p in ("", ".", "..") for p in parts):
            raise ValueError(f"output path leaves the output folder: {path}")
        return f"{self._out}/{path}"

    def _make_dir(self, folder: str) -> None:
        if folder not in self._made_dirs:
            os.makedirs(folder, exist_ok=True)
            self._made_dirs.add(folder)

    def has(self, key: str) -> bool:
        """True when ``key`` is stored and unchanged since it was stored."""
        try:
            found = os.stat(self._stored(key))
        except OSError:
            return False
        return self._index.get(key) == (found.st_size, found.st_mtime_ns)

    def _remember(self, key: str) -> None:
        found = os.stat(self._stored(key))
        self._index[key] = (found.st_size, found.st_mtime_ns)

    def place(self, path: str, key: str, make: Callable[[], bytes]) -> None:
        """Put the file for ``key`` at ``path`` in the site, calling ``make`` only if it is not stored."""
        target = self.target(path)
        if self.has(key):
            self.reused += 1
        else:
            atomic.write_bytes(Path(self._stored(key)), make(), durable=False)
            self._remember(key)
            self.made += 1
        self.used.add(key)
        self._make_dir(target.rpartition("/")[0])
        link(self._stored(key), target)

    def _stream(self, key: str, pieces: Iterable[str]) -> str:
        """Write ``pieces`` to the store under ``key`` (or, when empty, under the hash of the bytes)."""
        digest = hashlib.sha256()
        self._make_dir(self._folder)
        with tempfile.NamedTemporaryFile("wb", dir=self._folder, prefix=".pieces-", delete=False) as tmp:
            for chunk in _chunks(pieces):
                data = chunk.encode("utf-8")
                if not key:
                    digest.update(data)
                tmp.file.write(data)
        key = key or "b" + digest.hexdigest()
        if self.has(key):
            os.unlink(tmp.name)
        else:
            self._make_dir(self._stored(key).rpartition("/")[0])
            os.replace(tmp.name, self._stored(key))
            self._remember(key)
        return key

    def write(self, path: str, data: bytes) -> None:
        """Put ``data`` at ``path``, stored by its own hash (feeds, exports, sitemap)."""
        self.place(path, "b" + hashlib.sha256(data).hexdigest(), lambda: data)

    def write_pieces(self, path: str, make: Callable[[], Iterable[str]], key: str | None = None) -> None:
        """Like ``write`` for text made piece by piece (pages, exports): streamed to disk, never held whole.

        With ``key`` (what the text is made from), a stored file under it is
        placed without calling ``make``; without, the file is stored by its hash.
        """
        if key is None or not self.has(key):
            key = self._stream(key or "", make())
        self.place(path, key, _never)

    def has_group(self, group: str) -> bool:
        """True when every file of ``group`` (files made together) is stored and unchanged."""
        paths = self.groups.get(group)
        return paths is not None and all(self.has(_member(group, p)) for p in paths)

    def link_group(self, group: str) -> None:
        """Place the stored files of ``group`` (``has_group`` must be true) into the site."""
        for path in self.groups[group]:
            self.place(path, _member(group, path), _never)

    def keep_group(self, group: str, paths: Iterable[str]) -> None:
        """Store files that were made directly in the site together, under ``group``."""
        made = tuple(sorted(paths))
        for path in made:
            key = _member(group, path)
            stored = self._stored(key)
            self._make_dir(stored.rpartition("/")[0])
            with contextlib.suppress(FileNotFoundError):
                os.unlink(stored)
            link(self.target(path), stored)
            self._remember(key)
            self.used.add(key)
        self.groups[group] = made

    def save(self) -> int:
        """Delete stored files this build did not use and save the index; returns how many went."""
        removed = 0
        for shard in self.folder.iterdir() if self.folder.is_dir() else ():
            if shard.name.startswith(".pieces-"):  # left by a build killed while streaming
                shard.unlink(missing_ok=True)
            elif shard.is_dir():
                for stored in shard.iterdir():
                    if stored.name not in self.used:
                        stored.unlink(missing_ok=True)
                        removed += 1
        self._index = {k: v for k, v in self._index.items() if k in self.used}
        self.groups = {g: p for g, p in self.groups.items() if all(_member(g, x) in self.used for x in p)}
        atomic.write_bytes(self.folder / _INDEX, pickle.dumps((self._index, self.groups)), durable=False)
        return removed


def _chunks(pieces: Iterable[str], size: int = 1 << 16) -> Iterator[str]:
    """The pieces joined into chunks of about ``size`` characters: a page is a few hundred pieces."""
    buffer: list[str] = []
    held = 0
    for piece in pieces:
        buffer.append(piece)
        held += len(piece)
        if held >= size:
            yield "".join(buffer)
            buffer, held = [], 0
    if buffer:
        yield "".join(buffer)


def _member(group: str, path: str) -> str:
    return "g" + hashlib.sha256(f"{group}\0{path}".encode()).hexdigest()


def _never() -> bytes:
    raise AssertionError("a checked stored file vanished")


def link(source: str | Path, target: str | Path) -> None:
    """Hard-link ``source`` at ``target``; copy (keeping the timestamp) across file systems."""
    try:
        os.link(source, target)
    except OSError as err:
        if err.errno not in (errno.EXDEV, errno.EPERM, errno.EMLINK, errno.ENOTSUP):
            raise
        shutil.copy2(source, target)
