"""Shared fixtures: a throw-away copy of the project, and the development corpus when present."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("DIGEST_CORPUS", REPO.parent / "shared" / "corpus"))


def copy_project(target: Path, *, seeds: bool = True) -> Path:
    """A project folder with this repository's templates, content and (optionally) seeds."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(REPO / "templates", target / "templates")
    shutil.copytree(REPO / "content", target / "content")
    (target / "seeds").mkdir()
    if seeds:
        for seed in (REPO / "seeds").iterdir():
            shutil.copy2(seed, target / "seeds" / seed.name)
    return target


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project with the shipped seeds, in a temporary folder."""
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The development corpus; tests that need it are skipped where it is absent."""
    if not (CORPUS / "articles").is_dir():
        pytest.skip("development corpus not available")
    return CORPUS
