"""The standby tree: each build patches the paths that changed and swaps it in; unknown trees are made anew."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest

from generator import build as build_module
from generator import config, trees
from generator.outputs import OutputStore

ARTICLE = "नई दिल्ली। रक्षा मंत्री राजनाथ सिंह ने रूस के रक्षा मंत्री सर्गेई शोइगु से मुलाकात की।"


def build(project: Path, out: Path | None = None) -> build_module.Result:
    cfg, _ = config.load(project)
    return build_module.build(cfg, out)


def edit(project: Path, step: int) -> None:
    (project / "seeds" / "changing.txt").write_text(
        f"---\ndate: 2023-05-01\n---\n{ARTICLE}\nबैठक संख्या {step} हुई।\n", encoding="utf-8")


def files(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def same_as_a_fresh_build(project: Path) -> bool:
    build(project, project / "reference")
    return files(project / "site") == files(project / "reference")


def test_patch_changes_only_what_differs_and_drops_emptied_folders(tmp_path: Path) -> None:
    store = OutputStore(tmp_path / "store")
    for path, data in (("a.html", b"a"), ("x/b.html", b"b"), ("y/z/c.html", b"c"), ("b2.html", b"b2")):
        store.write(path, data)
    tree, old = tmp_path / "tree", dict(store.manifest)
    tree.mkdir()
    assert trees.patch(tree, {}, old, store) == 4
    store.save()
    store = OutputStore(tmp_path / "store")  # a later build, which stored nothing anew
    kept = os.stat(tree / "a.html").st_ino
    (tree / "stray.html").write_text("not in any manifest")
    new = {"a.html": old["a.html"], "x/b.html": old["b2.html"], "stray.html": old["a.html"]}
    assert trees.patch(tree, old, new, store) == 2
    assert files(tree) == {"a.html": files(tree)["stray.html"], "x/b.html": hashlib.sha256(b"b2").hexdigest(),
                           "stray.html": hashlib.sha256(b"a").hexdigest()}
    assert os.stat(tree / "a.html").st_ino == kept
    assert not (tree / "y").exists()


def test_a_build_after_an_edit_patches_the_standby(project: Path) -> None:
    build(project)
    for step in (1, 2):  # the second build makes the standby known
        edit(project, step)
        build(project)
    cache, target = project / ".cache", (project / "site").resolve()
    state = trees.load(cache, target)
    standby = trees.standby_of(project / "site")
    old = trees.manifest(cache, target, state.standby)
    assert old is not None and state.standby_id == trees.folder_id(standby)
    before = {path: (standby / path).stat().st_ino for path in old}
    edit(project, 3)
    build(project)
    now = trees.manifest(cache, target, trees.load(cache, target).live)
    assert now is not None and len(list(trees.state_folder(cache, target).glob("*.manifest"))) == 2
    kept = [path for path, key in old.items() if now.get(path) == key]
    assert 0 < len(now) - len(kept) < len(kept)
    assert all((project / "site" / path).stat().st_ino == before[path] for path in kept)  # not linked again
    assert same_as_a_fresh_build(project)


@pytest.mark.parametrize("damage", ["edit a published page", "replace the standby", "remove the state"])
def test_a_tree_in_an_unknown_state_is_made_again(project: Path, damage: str) -> None:
    build(project)
    for step in (1, 2):
        edit(project, step)
        build(project)
    standby = trees.standby_of(project / "site")
    if damage == "edit a published page":
        with (project / "site" / "en" / "index.html").open("a") as handle:
            handle.write("<!-- edited by hand -->")
    elif damage == "replace the standby":
        shutil.rmtree(standby)
        standby.mkdir()
    else:
        (trees.state_folder(project / ".cache", (project / "site").resolve()) / "state.pickle").unlink()
    edit(project, 3)
    build(project)
    assert same_as_a_fresh_build(project)
    edit(project, 4)  # the site swapped out (edited or not) is the next standby
    build(project)
    assert same_as_a_fresh_build(project)


def test_a_streamed_file_is_whole_when_the_system_writes_a_few_bytes_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_write = os.write
    monkeypatch.setattr(os, "write", lambda fd, data: real_write(fd, bytes(data[:3])))
    store = OutputStore(tmp_path / "files")
    store.write_pieces("en/a.html", lambda: ["<p>एक", "</p>\n" * 50], "k" * 64)
    store.write_pieces("en/b.html", lambda: ["hashed", " text"])
    monkeypatch.undo()
    assert Path(store.stored(store.manifest["en/a.html"])).read_text(encoding="utf-8") == "<p>एक" + "</p>\n" * 50
    assert Path(store.stored(store.manifest["en/b.html"])).read_bytes() == b"hashed text"
    assert all(store.has(key) for key in store.manifest.values())
    assert not [p for p in (tmp_path / "files").rglob(".*")]  # no temporary file left
