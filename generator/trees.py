"""The published site and its standby twin: a build patches the twin and swaps it in.

A build never writes into the published folder. Beside it is a second tree,
``.<name>.standby``: the site as an earlier build left it. The build knows
which stored file each path of that tree is (its manifest), so it changes only
the paths whose file differs, as hard links to the output store, and then
swaps the two folders in one atomic rename (``publish.exchange``). The old
site becomes the standby of the next build. A build killed at any moment
leaves the published site whole; a standby in an unknown state (a build killed
while patching it, or the folder replaced) is made again from nothing.

The state (``trees.pickle`` in the cache) holds the manifest of the published
site with the stamp of its files, and the manifest of the standby with the
identity of its folder (device, inode, change time).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import shutil
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from generator import atomic
from generator.outputs import OutputStore, link
from generator.publish import exchange

STATE = "trees.pickle"
Manifest = dict[str, str]  # site path -> key of its file in the output store


@dataclass
class State:
    """What the last build left: the published tree's manifest and stamp, the standby's manifest and identity."""

    live: Manifest = field(default_factory=dict)
    live_stamp: str = ""
    standby: Manifest | None = None
    standby_id: tuple[int, int, int] | None = None


def standby_of(target: Path) -> Path:
    return target.with_name(f".{target.name}.standby")


def load(cache: Path) -> State:
    """The saved state; an empty one if it is missing or unreadable (it only saves work)."""
    with contextlib.suppress(OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, TypeError):
        found = pickle.loads((cache / STATE).read_bytes())
        if isinstance(found, State):
            return found
    return State()


def save(cache: Path, state: State) -> None:
    atomic.write_bytes(cache / STATE, pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL), durable=False)


def folder_id(folder: Path) -> tuple[int, int, int] | None:
    """Device, inode and change time of a folder: a replaced folder does not pass for the old one."""
    try:
        found = os.stat(folder)
    except OSError:
        return None
    return (found.st_dev, found.st_ino, found.st_ctime_ns)


def files_stamp(files: Iterable[tuple[str, int, int]]) -> str:
    """A hash of (path, size, modification time) of every file of a tree."""
    digest = hashlib.sha256()
    for path, size, mtime in sorted(files):
        digest.update(f"{path}\0{size}\0{mtime}\n".encode())
    return digest.hexdigest()


def walked_stamp(tree: Path) -> str:
    """``files_stamp`` of the files found under ``tree`` (empty string if there is no such folder)."""
    if not tree.is_dir():
        return ""
    found = []
    top = os.fspath(tree)
    for root, _, files in os.walk(top):
        relative = root[len(top) + 1 :]
        for name in files:
            with contextlib.suppress(OSError):  # removed while we looked: as if absent
                info = os.stat(os.path.join(root, name))
                found.append((f"{relative}/{name}" if relative else name, info.st_size, info.st_mtime_ns))
    return files_stamp(found)


def manifest_stamp(manifest: Mapping[str, str], store: OutputStore) -> str:
    """``files_stamp`` of the tree ``manifest`` describes: its files are the stored ones, hard-linked."""
    return files_stamp((path, *store.stat(key)) for path, key in manifest.items())


def patch(tree: Path, old: Mapping[str, str], new: Mapping[str, str], store: OutputStore) -> int:
    """Make ``tree`` (described by ``old``) the tree ``new`` describes; returns how many paths changed.

    A path is linked again when its key changed, or when its file was stored
    anew by this build (the old one was found damaged: the tree's link is too).
    """
    top = os.fspath(tree)
    emptied: set[str] = set()
    for path, key in old.items():
        if new.get(path) != key or key in store.fresh:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(f"{top}/{path}")
            if path not in new:
                emptied.add(path.rpartition("/")[0])
    made_dirs: set[str] = set()
    changed = 0
    for path, key in new.items():
        if old.get(path) == key and key not in store.fresh:
            continue
        folder = path.rpartition("/")[0]
        if folder and folder not in made_dirs:
            os.makedirs(f"{top}/{folder}", exist_ok=True)
            made_dirs.add(folder)
        target = f"{top}/{path}"
        try:
            link(store.stored(key), target)
        except FileExistsError:  # a file the manifest did not know of
            os.unlink(target)
            link(store.stored(key), target)
        changed += 1
    for folder in sorted(emptied, key=len, reverse=True):  # deepest first
        _remove_empty(tree, folder)
    return changed


def _remove_empty(tree: Path, folder: str) -> None:
    while folder:
        try:
            os.rmdir(tree / folder)
        except OSError:  # not empty, or gone
            return
        folder = folder.rpartition("/")[0]


def publish(target: Path, store: OutputStore, cache: Path, published_stamp: str) -> str:
    """Publish the files ``store.manifest`` names at ``target`` in one step; the stamp of the new site.

    ``published_stamp`` is the ``walked_stamp`` of ``target`` before the build:
    if it is what the last build left, the old site becomes a known standby.
    """
    state = load(cache)
    standby = standby_of(target)
    manifest = store.manifest
    base = state.standby if state.standby is not None and state.standby_id == folder_id(standby) else None
    if base is None:
        shutil.rmtree(standby, ignore_errors=True)
        standby.mkdir(parents=True)
        base = {}
    else:  # a build killed while the standby is patched leaves it unknown
        save(cache, State(state.live, state.live_stamp))
    patch(standby, base, manifest, store)
    standby.chmod(0o755)
    live_known = target.is_dir() and bool(state.live) and published_stamp == state.live_stamp
    if target.exists():
        exchange(standby, target)
    else:
        os.rename(standby, target)
    stamp = manifest_stamp(manifest, store)
    after = State(dict(manifest), stamp)
    if live_known and standby.is_dir():  # else the old site is made again from nothing next time
        after.standby, after.standby_id = state.live, folder_id(standby)
    save(cache, after)
    return stamp
