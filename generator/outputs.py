"""Output files kept between builds: an unchanged file is linked into the site, not rewritten.

Files are stored under a key (a page's fingerprint, or a hash of the bytes).
A build places each site path by key (``manifest``); ``trees`` then
hard-links the stored files into the site, so an unchanged page keeps its
bytes and its timestamp from one build to the next, and costs no rendering.
The store remembers each file's size and modification time: a stored file
that was changed since (damaged, or edited through a published link) is made
again instead of being published.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import itertools
import os
import shutil
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cached_property
from pathlib import Path

from generator import atomic

_INDEX = "index.pickle"
_OVERLAY = "index.overlay.pickle"
MODE = 0o644  # published files are readable by the web server
_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW | os.O_CLOEXEC  # TRUNC: one left by a killed build
_serial = itertools.count()  # with the process id, a temporary name no other build is using


class OutputStore:
    """Stored output files under ``folder``, and which of them each site path is (``manifest``)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._folder = os.fspath(folder)  # a string: this runs per file
        self._made_dirs: set[str] = set()
        self.manifest: dict[str, str] = {}  # site path -> key of its stored file, as placed by this build
        self.used: set[str] = set()
        self.fresh: set[str] = set()  # keys stored by this build: any older link to them is stale
        self.made = 0
        self.reused = 0
        self._added: dict[str, tuple[int, int]] = {}  # size and modification time of what this build stored

    @cached_property
    def _saved(self) -> tuple[dict[str, tuple[int, int]], dict[str, tuple[str, ...]]]:
        """The index (key -> size, modification time) and groups earlier builds saved, read when first needed.

        A quick build, which stores a couple of pages, never reads them: it
        saves what it stored to an overlay (``save_index``).
        """
        index: dict[str, tuple[int, int]] = {}
        groups: dict[str, tuple[str, ...]] = {}
        found = atomic.read_pickle(self.folder / _INDEX, tuple)
        if found and len(found) == 2 and isinstance(found[0], dict) and isinstance(found[1], dict):
            index, groups = found
        for key, stat in _overlay(self.folder).items():
            if stat is None:
                index.pop(key, None)
            else:
                index[key] = stat
        return index, groups

    @property
    def groups(self) -> dict[str, tuple[str, ...]]:
        """Files made together (the search index's shards), by group key."""
        return self._saved[1]

    def stored(self, key: str) -> str:
        """The file stored under ``key``."""
        return f"{self._folder}/{key[:2]}/{key}"

    def stat(self, key: str) -> tuple[int, int]:
        """Size and modification time (ns) of a stored file: as remembered, or found if the index is unread."""
        if key in self._added:
            return self._added[key]
        if "_saved" in self.__dict__:
            return self._saved[0][key]
        found = os.stat(self.stored(key))
        return (found.st_size, found.st_mtime_ns)

    def _make_dir(self, folder: str) -> None:
        if folder not in self._made_dirs:
            os.makedirs(folder, exist_ok=True)
            self._made_dirs.add(folder)

    def has(self, key: str) -> bool:
        """True when ``key`` is stored and unchanged since it was stored."""
        try:
            found = os.stat(self.stored(key))
        except OSError:
            return False
        known = self._added.get(key) or self._saved[0].get(key)
        return known == (found.st_size, found.st_mtime_ns)

    def _remember(self, key: str, found: os.stat_result | None = None) -> None:
        """Note ``key`` as stored by this build, with the size and time of its file (``found``, or looked up)."""
        found = found or os.stat(self.stored(key))
        self._added[key] = (found.st_size, found.st_mtime_ns)
        self.fresh.add(key)

    def place(self, path: str, key: str, make: Callable[[], bytes]) -> None:
        """Make ``path`` of the site the file stored under ``key``, calling ``make`` only if it is not stored."""
        check_path(path)
        if self.has(key):
            self.reused += 1
        else:
            stored = Path(self.stored(key))
            atomic.write_bytes(stored, make(), durable=False)
            os.chmod(stored, MODE)
            self._remember(key)
            self.made += 1
        self._use(path, key)

    def _use(self, path: str, key: str) -> None:
        self.used.add(key)
        self.manifest[path] = key

    def _stream(self, key: str, pieces: Iterable[str]) -> str:
        """Store ``pieces`` under ``key``, known not to be stored; when ``key`` is empty, under the hash of the bytes."""
        digest = hashlib.sha256()
        # Made in the folder it goes to when the key is known: a rename across folders costs the kernel
        # several times a file's creation. A name starting with "." is removed by ``save`` if left.
        folder = self.stored(key).rpartition("/")[0] if key else self._folder
        self._make_dir(folder)
        tmp = f"{folder}/.pieces-{os.getpid()}-{next(_serial)}"
        handle = os.open(tmp, _NEW_FILE, MODE)  # written to directly: a Python file object costs three more calls
        try:
            os.fchmod(handle, MODE)  # whatever the umask
            for chunk in _chunks(pieces):
                data = chunk.encode("utf-8")
                if not key:
                    digest.update(data)
                _write_all(handle, data)
            written = os.fstat(handle)
        finally:
            os.close(handle)
        if not key:
            key = "b" + digest.hexdigest()
            if self.has(key):
                os.unlink(tmp)
                self.reused += 1
                return key
        stored = self.stored(key)
        self._make_dir(stored.rpartition("/")[0])
        os.replace(tmp, stored)
        self._remember(key, written)  # a rename keeps the size and modification time
        self.made += 1
        return key

    def write(self, path: str, data: bytes) -> None:
        """Put ``data`` at ``path``, stored by its own hash (feeds, exports, sitemap)."""
        self.place(path, "b" + hashlib.sha256(data).hexdigest(), lambda: data)

    def write_pieces(self, path: str, make: Callable[[], Iterable[str]], key: str | None = None) -> None:
        """Like ``write`` for text made piece by piece (pages, exports): streamed to disk, never held whole.

        With ``key`` (what the text is made from), a stored file under it is
        placed without calling ``make``; without, the file is stored by its hash.
        """
        check_path(path)
        if key is not None and self.has(key):
            self.reused += 1
        else:
            key = self._stream(key or "", make())
        self._use(path, key)

    def has_group(self, group: str) -> bool:
        """True when every file of ``group`` (files made together) is stored and unchanged."""
        paths = self.groups.get(group)
        return paths is not None and all(self.has(_member(group, p)) for p in paths)

    def link_group(self, group: str) -> None:
        """Place the stored files of ``group`` (``has_group`` must be true) in the site."""
        for path in self.groups[group]:
            self.place(path, _member(group, path), _never)

    def keep_group(self, group: str, files: Mapping[str, Path]) -> None:
        """Move files made together (site path -> where they were made) into the store, under ``group``."""
        for path, made in sorted(files.items()):
            check_path(path)
            key = _member(group, path)
            stored = self.stored(key)
            self._make_dir(stored.rpartition("/")[0])
            os.chmod(made, MODE)
            os.replace(made, stored)
            self._remember(key)
            self.used.add(key)
            self.manifest[path] = key
        self.groups[group] = tuple(sorted(files))

    def save_index(self, dropped: Iterable[str] = ()) -> None:
        """Add what this build stored to the index's overlay, after deleting the files of ``dropped`` keys.

        For a quick build: the whole index is neither read nor written.
        """
        overlay: dict[str, tuple[int, int] | None] = {**_overlay(self.folder), **self._added}
        for key in dropped:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.stored(key))
            overlay[key] = None
        atomic.write_pickle(self.folder / _OVERLAY, overlay, durable=False)

    def save(self) -> int:
        """Delete stored files this build did not use and save the index; returns how many went."""
        removed = 0
        for shard in self.folder.iterdir() if self.folder.is_dir() else ():
            if shard.name.startswith("."):  # left by a build killed while streaming or indexing
                shutil.rmtree(shard) if shard.is_dir() else shard.unlink(missing_ok=True)
            elif shard.is_dir():
                for stored in shard.iterdir():
                    if stored.name not in self.used:
                        stored.unlink(missing_ok=True)
                        removed += 1
        index = {k: v for k, v in {**self._saved[0], **self._added}.items() if k in self.used}
        groups = {g: p for g, p in self.groups.items() if all(_member(g, x) in self.used for x in p)}
        atomic.write_pickle(self.folder / _INDEX, (index, groups), durable=False)
        (self.folder / _OVERLAY).unlink(missing_ok=True)
        self._saved = (index, groups)
        return removed


def _overlay(folder: Path) -> dict[str, tuple[int, int] | None]:
    """What quick builds stored (or dropped: None) since the index was last saved whole."""
    return atomic.read_pickle(folder / _OVERLAY, dict) or {}


def check_path(path: str) -> None:
    """ValueError if the site path ``path`` would leave the output folder.

    A string check, not ``resolve()``: it runs for every file and the tree is our own.
    """
    parts = path.split("/")
    if path.startswith("/") or "\\" in path or "\0" in path or any(p in ("", ".", "..") for p in parts):
        raise ValueError(f"output path leaves the output folder: {path}")


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


def _write_all(handle: int, data: bytes) -> None:
    """Write all of ``data`` to the file descriptor ``handle`` (a write may take only part)."""
    view = memoryview(data)
    while view:
        view = view[os.write(handle, view) :]


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
