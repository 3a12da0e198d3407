"""Files written so that a reader, or a build killed half-way, sees the old bytes or the new."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def _temporary(path: Path, data: bytes, durable: bool) -> str:
    """A filled temporary file beside ``path``; fsynced when ``durable``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    return tmp


def write_bytes(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Replace ``path`` atomically. ``durable=False`` skips fsync: for caches, which only save time."""
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
