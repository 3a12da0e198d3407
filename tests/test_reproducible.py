"""Reproducible output: clean builds in two checkouts, under different hash seeds, agree byte for byte.

Each checkout gets its own copy of the ``generator`` package and runs it (the
working folder comes first on ``sys.path`` with ``python -m``), so nothing may
depend on where the code or the project lies, nor on the order of hashing.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import REPO, copy_project

EXTRA = {  # more than one article, names and dates, so that ordering matters
    "second.txt": "---\ndate: 2023-06-02\n---\nनई दिल्ली। विदेश मंत्री एस जयशंकर ने अमेरिका के विदेश मंत्री "
                  "से मुलाकात की। दोनों नेताओं ने व्यापार और रक्षा सहयोग पर चर्चा की।\n",
    "third.md": "---\ntitle: {hi: बैठक, en: Meeting}\ndate: 2023-06-02\nplace: मॉस्को\n---\n"
                "राजनाथ सिंह और सर्गेई शोइगु ने बातचीत की।\n\nदोनों ने समझौते पर हस्ताक्षर किए।\n",
    "undated.txt": "रक्षा मंत्री ने फ्रांस के रक्षा मंत्री से फोन पर बात की।\n",
}


def tree(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*")) if p.is_file()
    }


def checkout(folder: Path) -> Path:
    """A project copy carrying its own copy of the generator code."""
    project = copy_project(folder)
    shutil.copytree(REPO / "generator", project / "generator",
                    ignore=shutil.ignore_patterns("__pycache__"))
    return project


def clean_build(project: Path, hash_seed: str) -> dict[str, str]:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed, "PYTHONPATH": str(project)}
    where = subprocess.run([sys.executable, "-c", "import generator; print(generator.__file__)"],
                           cwd=project, env=env, capture_output=True, text=True, check=True)
    assert Path(where.stdout.strip()).is_relative_to(project)
    done = subprocess.run([sys.executable, "-m", "generator", "build", "--root", str(project)],
                          cwd=project, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode in (0, 1) and "Traceback" not in done.stderr, done.stderr
    return tree(project / "site")


def test_two_checkouts_and_hash_seeds_give_identical_sites(tmp_path: Path) -> None:
    first = checkout(tmp_path / "one" / "checkout")
    second = checkout(tmp_path / "somewhere-else" / "copy-two")
    for project in (first, second):
        for name, text in EXTRA.items():
            (project / "seeds" / name).write_text(text, encoding="utf-8")
        assert not (project / ".cache").exists() and not (project / "site").exists()
    a = clean_build(first, "1")
    b = clean_build(second, "4242")
    assert len(a) > 20
    different = sorted(path for path in a.keys() | b.keys() if a.get(path) != b.get(path))
    assert not different, different[:20]


def test_no_build_path_or_folder_name_leaks_into_the_site(tmp_path: Path) -> None:
    project = checkout(tmp_path / "leak-check-folder" / "project")
    clean_build(project, "7")
    for path in (project / "site").rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert b"leak-check-folder" not in data and str(REPO).encode() not in data, path


def test_an_incremental_build_equals_a_clean_one(tmp_path: Path) -> None:
    warm = checkout(tmp_path / "warm")
    clean_build(warm, "3")
    for name, text in EXTRA.items():
        (warm / "seeds" / name).write_text(text, encoding="utf-8")
    (warm / "seeds" / "second.txt").write_text(EXTRA["second.txt"] + "दूसरी बैठक भी हुई।\n", encoding="utf-8")
    incremental = clean_build(warm, "5")
    cold = checkout(tmp_path / "cold")
    for path in (warm / "seeds").iterdir():
        shutil.copy2(path, cold / "seeds" / path.name)
    assert incremental == clean_build(cold, "11")
