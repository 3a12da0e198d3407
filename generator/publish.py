"""Swapping a freshly patched site in place of the old one in one step, one build at a time."""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import fcntl
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

_RENAME_EXCHANGE = 2


class BuildLocked(RuntimeError):
    """Another build of the same project is running."""


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux renameat2); False where unsupported."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd = -100
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    if ctypes.get_errno() in (errno.EINVAL, errno.ENOSYS, errno.EXDEV):
        return False
    raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()), str(a))


def exchange(fresh: Path, out: Path) -> None:
    """Swap two folders: in one step where Linux's renameat2 can, else by three renames."""
    if _exchange(fresh, out):
        return
    old = out.with_name(f".{out.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    os.rename(out, old)
    os.rename(fresh, out)
    os.rename(old, fresh)


@contextlib.contextmanager
def lock(folder: Path) -> Iterator[None]:
    """Hold the project's build lock; raise BuildLocked if another build has it."""
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "build.lock").open("w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildLocked(f"another build is running (lock held on {folder / 'build.lock'})") from None
        yield
