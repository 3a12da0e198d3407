"""The published site and its standby twin: a build patches the twin and swaps it in.

A build never writes into the published folder. Beside it is a second tree,
``.<name>.standby``: the site as an earlier build left it. The build knows
which stored file each path of that tree is (its manifest), so it changes only
the paths whose file differs, as hard links to the output store, and then
swaps the two folders in one atomic rename (``publish.exchange``). The old
site becomes the standby of the next build. A build killed at any moment
leaves the published site whole; a standby in an unknown state (a build killed
while patching it, or the folder replaced) is made again from nothing.

For each published folder the cache keeps a folder (``trees-<hash>``) with
the state: which manifest is the published site's, with the stamp of its
files, and which is the standby's, with the identity of its folder (device,
inode, change time). Each manifest is a file of its own, written once.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from generator import atomic
from generator.outputs import OutputStore, link
from generator.publish import exchange

Manifest = dict[str, str]  # site path -> key of its file in the output store
_MODULUS = 1 << 128


@dataclass
class State:
    """Which manifests describe the published tree (and its stamp) and the standby (and its folder)."""

    live: str = ""
    live_stamp: int = -1
    standby: str = ""
    standby_id: tuple[int, int, int] | None = None


def standby_of(target: Path) -> Path:
    return target.with_name(f".{target.name}.standby")


def state_folder(cache: Path, target: Path) -> Path:
    """Where the state of the published folder ``target`` is kept (``--out`` may name another)."""
    return cache / f"trees-{hashlib.sha256(os.fsencode(target)).hexdigest()[:16]}"


def load(cache: Path, target: Path) -> State:
    """The saved state of ``target``; an empty one if it is missing or unreadable (it only saves work)."""
    return atomic.read_pickle(state_folder(cache, target) / "state.pickle", State) or State()


def save(cache: Path, target: Path, state: State) -> None:
    """Save the state and delete the manifests it no longer names."""
    kept = state_folder(cache, target)
    atomic.write_pickle(kept / "state.pickle", state, durable=False)
    for old in kept.glob("*.manifest"):
        if old.stem not in (state.live, state.standby):
            old.unlink(missing_ok=True)


def manifest(cache: Path, target: Path, name: str) -> Manifest | None:
    """A saved manifest; None if there is none by that name or it is unreadable."""
    return atomic.read_pickle(state_folder(cache, target) / f"{name}.manifest", dict)


def _keep_manifest(cache: Path, target: Path, found: Manifest) -> str:
    name = f"{time.time_ns()}-{os.getpid()}"
    atomic.write_pickle(state_folder(cache, target) / f"{name}.manifest", found, durable=False)
    return name


def folder_id(folder: Path) -> tuple[int, int, int] | None:
    """Device, inode and change time of a folder: a replaced folder does not pass for the old one."""
    try:
        found = os.stat(folder)
    except OSError:
        return None
    return (found.st_dev, found.st_ino, found.st_ctime_ns)


def file_stamp(path: str, size: int, mtime: int) -> int:
    """One file's share of a tree's stamp."""
    return int.from_bytes(hashlib.blake2b(f"{path}\0{size}\0{mtime}".encode(), digest_size=16).digest(), "big")


def files_stamp(files: Iterable[tuple[str, int, int]]) -> int:
    """A stamp of (path, size, modification time) of every file of a tree.

    The sum of the files' shares: it does not depend on their order, and a
    few changed files update it without going over the rest.
    """
    return sum(file_stamp(*found) for found in files) % _MODULUS


def walked_stamp(tree: Path) -> int:
    """``files_stamp`` of the files found under ``tree`` (-1 if there is no such folder)."""
    if not tree.is_dir():
        return -1
    total = 0
    top = os.fspath(tree)
    for root, _, files in os.walk(top):
        relative = root[len(top) + 1 :]
        for name in files:
            with contextlib.suppress(OSError):  # removed while we looked: as if absent
                info = os.stat(os.path.join(root, name))
                total += file_stamp(f"{relative}/{name}" if relative else name, info.st_size, info.st_mtime_ns)
    return total % _MODULUS


def manifest_stamp(found: Mapping[str, str], store: OutputStore) -> int:
    """``files_stamp`` of the tree ``found`` describes: its files are the stored ones, hard-linked."""
    return files_stamp((path, *store.stat(key)) for path, key in found.items())


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


def publish(
    target: Path, store: OutputStore, cache: Path, published_stamp: Callable[[], int],
    state: State | None = None, live: Manifest | None = None,
) -> int:
    """Publish the files ``store.manifest`` names at ``target`` in one step; the stamp of the new site.

    ``published_stamp()`` is the ``walked_stamp`` of ``target`` before the
    build: if it is what the last build left, the old site becomes a known
    standby. With the published site's manifest (``live``, in ``state``), the
    new stamp is worked out from the paths that changed alone.
    """
    state = state or load(cache, target)
    standby = standby_of(target)
    new = store.manifest
    base = manifest(cache, target, state.standby) if state.standby_id == folder_id(standby) else None
    if base is None:
        shutil.rmtree(standby, ignore_errors=True)
        standby.mkdir(parents=True)
        base = {}
    else:  # a build killed while the standby is patched leaves it unknown
        save(cache, target, replace(state, standby="", standby_id=None))
    patch(standby, base, new, store)
    standby.chmod(0o755)
    live_known = target.is_dir() and state.live != "" and published_stamp() == state.live_stamp
    if target.exists():
        exchange(standby, target)
    else:
        os.rename(standby, target)
    if live is not None and state.live_stamp >= 0:
        stamp = _changed_stamp(state.live_stamp, live, new, store)
    else:
        stamp = manifest_stamp(new, store)
    after = State(_keep_manifest(cache, target, new), stamp)
    if live_known and standby.is_dir():  # else the old site is made again from nothing next time
        after.standby, after.standby_id = state.live, folder_id(standby)
    save(cache, target, after)
    return stamp


def _changed_stamp(stamp: int, old: Mapping[str, str], new: Mapping[str, str], store: OutputStore) -> int:
    """The stamp of the tree ``new`` describes, from that of ``old`` and the paths that differ."""
    for path, key in old.items():
        if new.get(path) != key:
            stamp -= file_stamp(path, *store.stat(key))
    for path, key in new.items():
        if old.get(path) != key:
            stamp += file_stamp(path, *store.stat(key))
    return stamp % _MODULUS
