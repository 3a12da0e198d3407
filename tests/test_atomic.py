"""Atomic writes: the new bytes or the old, a missing folder made, no temporary file left."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator import atomic


def test_write_makes_the_folder_and_leaves_only_the_file(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "file.bin"
    atomic.write_bytes(target, b"one", durable=False)
    atomic.write_bytes(target, b"two")
    assert target.read_bytes() == b"two"
    assert os.listdir(target.parent) == ["file.bin"]
    assert target.stat().st_mode & 0o777 == 0o600


def test_a_temporary_name_left_by_another_process_is_passed_over(tmp_path: Path) -> None:
    serial = next(atomic._serial) + 1
    stale = tmp_path / f".file.bin.{os.getpid()}-{serial}.tmp"
    stale.write_bytes(b"stale")
    atomic.write_bytes(tmp_path / "file.bin", b"new")
    assert (tmp_path / "file.bin").read_bytes() == b"new"
    assert stale.read_bytes() == b"stale"


def test_a_failed_write_leaves_the_old_bytes_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "file.bin"
    target.write_bytes(b"old")

    def fail(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        atomic.write_bytes(target, b"new")
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["file.bin"]


def test_create_refuses_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "file.bin"
    assert atomic.create_bytes(target, b"first")
    assert not atomic.create_bytes(target, b"second")
    assert target.read_bytes() == b"first"
    assert os.listdir(tmp_path) == ["file.bin"]
