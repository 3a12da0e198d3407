"""``digest new``: one article with metadata, validated as the build validates it, or nothing at all."""

from __future__ import annotations

import io
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import hindi, sources
from generator.cli import main

BODY = "नई दिल्ली। रक्षा मंत्री ने फ्रांस के रक्षा मंत्री से मुलाकात की।\n"


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def new(project: Path, *args: str, stdin: str = BODY, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8"))))
    return main(["new", *args, "--root", str(project)])


def test_bad_date_is_rejected_clearly_and_nothing_written(project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    before = files(project)
    assert new(project, "--date", "2023-02-30", "--title-hi", "बैठक", monkeypatch=monkeypatch) == 1
    err = capsys.readouterr().err
    assert "digest new: --date: date '2023-02-30' is not a date (YYYY-MM-DD)" in err
    assert "nothing written" in err
    assert files(project) == before


def test_article_from_stdin_reads_back_with_every_field(project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    status = new(project, "--date", "2023-05-02", "--title-hi", "भारत-फ्रांस वार्ता", "--title-en", "India–France talks: defence",
                 "--place", "पेरिस", "--place-en", "Paris", "--url", "https://example.org/r?id=1", "--source", "PIB",
                 monkeypatch=monkeypatch)
    assert status == 0
    path = project / "content" / "articles" / "2023-05-02-india-france-talks-defence.txt"
    assert f"wrote content/articles/{path.name}" in capsys.readouterr().err
    article, problems = sources.read(path, None, path.name)
    assert problems == [] and article is not None
    meta = article.meta
    assert (str(meta.date), meta.title.hi, meta.title.en) == ("2023-05-02", "भारत-फ्रांस वार्ता", "India–France talks: defence")
    assert (meta.place.hi, meta.place.en, meta.url, meta.source) == ("पेरिस", "Paris", "https://example.org/r?id=1", "PIB")
    assert article.body.strip() == hindi.normalise(BODY).strip()
    assert [p.name for p in path.parent.iterdir()] == [path.name]


def test_markdown_file_keeps_its_kind_and_an_explicit_slug(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "report.md"
    source.write_text("नई दिल्ली। **रक्षा** मंत्री ने बैठक की।\n", encoding="utf-8")
    assert new(project, str(source), "--date", "2023-05-03", "--title-hi", "बैठक", "--slug", "my_report", monkeypatch=monkeypatch) == 0
    written = project / "content" / "articles" / "my_report.md"
    article, problems = sources.read(written, None, "x")
    assert problems == [] and article is not None and article.slug == "my_report"


def test_existing_article_or_slug_is_never_overwritten(project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    args = ("--date", "2023-05-02", "--title-hi", "वार्ता")
    assert new(project, *args, monkeypatch=monkeypatch) == 0
    before = files(project)
    assert new(project, *args, stdin="दूसरा पाठ।", monkeypatch=monkeypatch) == 1
    assert "already used by content/articles/2023-05-02-article.txt" in capsys.readouterr().err
    seed_slug = "rajnath-singh-sco-bilateral-meetings-2023-04-28"
    assert new(project, *args, "--slug", seed_slug, monkeypatch=monkeypatch) == 1
    assert "already used by seeds/" in capsys.readouterr().err
    assert files(project) == before


@pytest.mark.parametrize(("stdin", "args", "message"), [
    ("---\ntitle: x\n---\nपाठ", (), "already has front matter"),
    ("   \n", (), "text: the article has no text"),
    (BODY, ("--date", " "), "--date: a date is required"),
    (BODY, ("--url", "example.org"), "--url: url must be an http:// or https:// address"),
    (BODY, ("--slug", "Not OK"), "--slug: slug must be lower-case"),
])
def test_bad_input_writes_nothing(project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                                  stdin: str, args: tuple[str, ...], message: str) -> None:
    before = files(project)
    assert new(project, "--date", "2023-05-02", "--title-hi", "क", *args, stdin=stdin, monkeypatch=monkeypatch) == 1
    assert message in capsys.readouterr().err
    assert files(project) == before


def test_unreadable_file_is_a_message(project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "latin1.txt").write_bytes(b"caf\xe9")
    assert main(["new", str(tmp_path / "latin1.txt"), "--date", "2023-01-01", "--title-hi", "क", "--root", str(project)]) == 1
    assert main(["new", str(tmp_path / "missing.txt"), "--date", "2023-01-01", "--title-hi", "क", "--root", str(project)]) == 1
    err = capsys.readouterr().err
    assert "latin1.txt is not UTF-8 text" in err and "cannot read" in err


@settings(max_examples=60, deadline=None)
@given(st.text(st.characters(blacklist_categories=["Cs"])), st.text(st.characters(blacklist_categories=["Cs"]), max_size=12))
def test_any_title_and_date_is_written_valid_or_not_at_all(title: str, date: str) -> None:
    with tempfile.TemporaryDirectory() as name, pytest.MonkeyPatch.context() as monkeypatch:
        root = Path(name)
        args = ["--date", date, "--title-hi", title] if not date.startswith("-") and not title.startswith("-") else ["--date", "2020-01-01", "--title-hi", "क"]
        status = new(root, *args, monkeypatch=monkeypatch)
        written = list((root / "content" / "articles").glob("*")) if (root / "content").exists() else []
        assert status in (0, 1) and len(written) == (1 if status == 0 else 0)
        if written:
            article, problems = sources.read(written[0], None, "x")
            assert article is not None and not [p for p in problems if p.level == "error"]
