"""``digest import``: news items become articles with metadata; skips are explained; re-import is a no-op."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
from conftest import copy_project
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import importer, sources
from generator.cli import main

BODY = "नई दिल्ली। रक्षा मंत्री ने रूस के रक्षा मंत्री से मुलाकात की।\n\nदोनों ने सहयोग पर चर्चा की।"


def item(date: str, headline: str, body: str = BODY) -> str:
    return f"{date}\n\n{headline}\n\n{body}\n"


@pytest.fixture
def news(tmp_path: Path) -> Path:
    """A folder of items: two good text items, good and bad JSON Lines, and files to skip."""
    folder = tmp_path / "news"
    (folder / "air").mkdir(parents=True)
    (folder / "0001.txt").write_text(item("2020-01-03", "रक्षा मंत्री की बैठक"), encoding="utf-8")
    (folder / "air" / "0002.txt").write_text(item("2020-01-04", "दूसरी बैठक"), encoding="utf-8")
    (folder / "0003.txt").write_text(item("3 Jan 2020", "बिना तारीख"), encoding="utf-8")
    (folder / "0004.txt").write_text("2020-01-05\n\n\n\n", encoding="utf-8")
    (folder / "0005.txt").write_text("2020-01-05\n\nशीर्षक ही है\n", encoding="utf-8")
    (folder / "latin1.txt").write_bytes("2020-01-05\n\ncaf\xe9\n\ntext".encode("latin-1"))
    (folder / "index.csv").write_text("num,date\n", encoding="utf-8")
    (folder / ".hidden.txt").write_text("ignored", encoding="utf-8")
    lines = [
        {"text": BODY, "title": "JSON बैठक", "date": "2020-02-01", "url": "https://example.org/a"},
        "{not json",
        {"title": "no text"},
        {"text": BODY + " तीसरी।", "date": "2020-02-31"},
        {"text": BODY + " चौथी।", "date": "2020-02-02", "url": "ftp://example.org/b"},
        {"text": BODY + " पाँचवीं।", "date": "2020-02-03T09:30:00", "id": 7},
    ]
    text = "\n".join(line if isinstance(line, str) else json.dumps(line, ensure_ascii=False) for line in lines)
    (folder / "feed.jsonl").write_text(text + "\n\n", encoding="utf-8")
    return folder


def run_import(news: Path, project: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = main(["import", str(news), "--root", str(project)])
    return status, capsys.readouterr().err


def test_items_become_articles_and_skips_are_explained(news: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, err = run_import(news, tmp_path, capsys)
    written = sorted(p.name for p in (tmp_path / "content" / "articles").iterdir())
    url_key = hashlib.sha256(b"https://example.org/a").hexdigest()[:10]
    assert written[:3] == ["2020-01-03-0001.txt", "2020-01-04-air-0002.txt", f"2020-02-01-{url_key}.txt"]
    assert len(written) == 4 and re.fullmatch(r"2020-02-03-[0-9a-f]{10}\.txt", written[3])
    assert status == 1
    for expected in [
        "0003.txt:1: error: line 1 must be a date like 2020-01-31, not '3 Jan 2020'",
        "0004.txt:2: error: no headline after the date line",
        "0005.txt:3: error: no text after the headline",
        "latin1.txt:1: error: skipped: not UTF-8",
        "index.csv:1: warning: skipped: not a .txt or .jsonl file",
        "feed.jsonl:2: error: not JSON",
        "feed.jsonl:3: error: no 'text' field",
        "feed.jsonl:4: error: skipped: date '2020-02-31' is not a date (YYYY-MM-DD)",
        "feed.jsonl:5: error: skipped: url must be an http:// or https:// address",
    ]:
        assert expected in err
    assert ".hidden" not in err
    assert "imported 4 articles" in err and "9 skipped" in err


def test_written_article_reads_back_with_its_metadata(news: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run_import(news, tmp_path, capsys)
    folder = tmp_path / "content" / "articles"
    article, problems = sources.read(folder / "2020-01-03-0001.txt", None, "a")
    assert problems == [] and article is not None
    assert (article.slug, str(article.meta.date), article.meta.title.hi) == ("2020-01-03-0001", "2020-01-03", "रक्षा मंत्री की बैठक")
    assert article.body.strip() == sources.hindi.normalise(BODY)
    jsonl = next(folder.glob("2020-02-01-*.txt"))
    article, problems = sources.read(jsonl, None, "b")
    assert problems == [] and article is not None
    assert (article.meta.url, article.meta.title.hi) == ("https://example.org/a", "JSON बैठक")
    dated = next(folder.glob("2020-02-03-*.txt")).read_text(encoding="utf-8")
    assert "date: '2020-02-03'" in dated


def test_reimport_adds_nothing_and_never_overwrites_an_edit(news: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run_import(news, tmp_path, capsys)
    folder = tmp_path / "content" / "articles"
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    edited = folder / "2020-01-03-0001.txt"
    edited.write_text(edited.read_text(encoding="utf-8").replace("बैठक", "मुलाकात"), encoding="utf-8")
    _, err = run_import(news, tmp_path, capsys)
    assert "imported 0 articles" in err and "3 already there" in err
    assert "0001.txt:1: warning: skipped: 2020-01-03-0001.txt exists with other text" in err
    assert "मुलाकात" in edited.read_text(encoding="utf-8")
    assert {p.name for p in folder.iterdir()} == set(before)


def test_same_item_twice_in_one_import_is_reported(tmp_path: Path) -> None:
    feed = tmp_path / "in" / "twice.jsonl"
    feed.parent.mkdir()
    line = json.dumps({"text": BODY, "date": "2020-01-01"}, ensure_ascii=False)
    feed.write_text(f"{line}\n{line}\n", encoding="utf-8")
    report = importer.import_folder(feed.parent, tmp_path / "out")
    assert len(report.written) == 1 and report.skipped == 1
    assert str(report.diagnostics[0]).startswith("twice.jsonl:2: error: skipped: same slug as twice.jsonl:1")


def test_write_new_refuses_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "a" / "x.txt"
    assert importer.write_new(target, b"one")
    assert not importer.write_new(target, b"two")
    assert target.read_bytes() == b"one" and [p.name for p in target.parent.iterdir()] == ["x.txt"]


@settings(max_examples=200, deadline=None)
@given(st.text(), st.text())
def test_any_text_is_read_without_exceptions(text: str, jsonl: str) -> None:
    found, _ = importer.read_text_item(text, "x.txt")
    if found is not None:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}-x", found.slug) and found.body.strip()
    items, problems = importer.read_jsonl_items(jsonl, "y.jsonl")
    assert all(d.path == "y.jsonl" for d in problems) and all(i.body.strip() for i in items)


@settings(max_examples=100, deadline=None)
@given(st.text(st.characters(blacklist_categories=["Cs"]), min_size=1).filter(str.strip),
       st.dates().map(str))
def test_composed_articles_read_back_unchanged(headline: str, date: str) -> None:
    text = importer.article_text({"date": date, "title": {"hi": headline.strip()}}, BODY)
    problems = importer.validate(text, "a.txt")
    _, body, _ = sources.split_front_matter(text)
    assert body is not None and body.strip() == BODY
    assert not any(p.code == "bad-date" for p in problems)


def test_corpus_imports_into_a_project_and_builds_340_articles(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = copy_project(tmp_path / "project", seeds=False)
    assert main(["import", str(corpus / "articles"), "--root", str(project)]) == 0
    assert "imported 340 articles" in capsys.readouterr().err
    assert main(["import", str(corpus / "articles"), "--root", str(project)]) == 0
    assert "imported 0 articles into" in capsys.readouterr().err
    assert main(["build", "--root", str(project)]) == 0
    assert "from 340 articles" in capsys.readouterr().err
