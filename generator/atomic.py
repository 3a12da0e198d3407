"""Files written so that a reader, or a build killed half-way, sees the old bytes or the new."""

from __future__ import annotations

import contextlib
import itertools
import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, TypeVar

T = TypeVar("T")

# A new file only: never one that exists, nor through a symlink; not inherited by child programs.
_FLAGS: int = (
    os.O_WRONLY | os.O_CREAT | os.O_EXCL
    | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
)
_serial = itertools.count()  # with the process id, a name no other writer is using


def _temporary(path: Path, data: bytes | Callable[[BinaryIO], object], durable: bool) -> str:
    """A temporary file beside ``path`` (private to the owner) holding ``data`` or what it writes; fsynced when ``durable``."""
    fd, tmp = _create(path)
    try:
        with os.fdopen(fd, "wb") as handle:
            if callable(data):
                data(handle)
            else:
                handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    return tmp


def _create(path: Path) -> tuple[int, str]:
    """A new, empty temporary file beside ``path``, its folder made if missing: (descriptor, name)."""
    folder = os.fspath(path.parent)
    while True:
        tmp = os.path.join(folder, f".{path.name}.{os.getpid()}-{next(_serial)}.tmp")
        try:
            return os.open(tmp, _FLAGS, 0o600), tmp
        except FileExistsError:
            continue  # left by a killed process that had the same id: take the next name
        except FileNotFoundError:
            path.parent.mkdir(parents=True, exist_ok=True)
            return os.open(tmp, _FLAGS, 0o600), tmp


def read_pickle(path: Path, kind: type[T]) -> T | None:
    """What ``write_pickle`` saved at ``path`` if it is a ``kind``; None if missing, unreadable or else."""
    unreadable = (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, IndexError, ValueError,
                  TypeError)
    with contextlib.suppress(*unreadable):
        found = pickle.loads(path.read_bytes())
        if isinstance(found, kind):
            return found
    return None


def write_pickle(path: Path, value: object, *, durable: bool = True) -> None:
    """Replace ``path`` atomically with ``value`` pickled, streamed to the file rather than held in memory."""
    write_bytes(path, lambda handle: pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL), durable=durable)


def write_bytes(path: Path, data: bytes | Callable[[BinaryIO], object], *, durable: bool = True) -> None:
    """Replace ``path`` atomically with ``data``, or what ``data(handle)`` writes.

    ``durable=False`` skips fsync: for caches, which only save time.
    """
    tmp = _temporary(path, data, durable)
    try:
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def write_text(path: Path, text: str, *, durable: bool = True) -> None:
    """Replace ``path`` atomically with UTF-8 text, newlines as written."""
    write_bytes(path, text.encode("utf-8"), durable=durable)


def create_bytes(path: Path, data: bytes) -> bool:
    """Write a new file atomically; False, leaving everything as it was, if it exists."""
    tmp = _temporary(path, data, durable=True)
    try:
        os.link(tmp, path)  # fails if ``path`` exists: no window in which it is overwritten
    except FileExistsError:
        return False
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
    return True
