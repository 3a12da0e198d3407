"""Reading inputs: front matter, sidecars, and a diagnostic for every problem."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from generator import sources
from generator.cache import CachedReader, Store
from generator.model import Level

BODY = "नई दिल्ली। रक्षा मंत्री ने मुलाकात की।"


def read(tmp_path: Path, name: str, data: bytes, sidecar: str | None = None):  # type: ignore[no-untyped-def]
    path = tmp_path / name
    path.write_bytes(data)
    side = None
    if sidecar is not None:
        side = tmp_path / f"{path.stem}.yaml"
        side.write_text(sidecar, encoding="utf-8")
    return sources.read(path, side, name)


def test_front_matter_with_bilingual_title(tmp_path: Path) -> None:
    text = f"---\ndate: 2023-04-28\ntitle:\n  hi: बैठक\n  en: Meeting\nplace: नई दिल्ली\nslug: my-meeting\nurl: https://example.org/a\n---\n{BODY}"
    article, problems = read(tmp_path, "a.md", text.encode())
    assert problems == []
    assert article is not None
    assert article.slug == "my-meeting"
    assert article.meta.date == dt.date(2023, 4, 28)
    assert (article.meta.title.hi, article.meta.title.en) == ("बैठक", "Meeting")
    assert article.meta.place.hi == "नई दिल्ली"
    assert article.body == BODY
    assert article.body_line == 10


def test_plain_string_title_is_hindi_and_bom_is_tolerated(tmp_path: Path) -> None:
    article, problems = read(tmp_path, "b.txt", ("\ufeff---\ntitle: बैठक\ndate: 2023-01-02\n---\n" + BODY).encode())
    assert article is not None and article.meta.title.hi == "बैठक" and not problems


def test_sidecar_adds_metadata_without_touching_the_input(tmp_path: Path) -> None:
    article, problems = read(tmp_path, "seed.txt", BODY.encode(), sidecar="date: 2023-04-28\nplace: {en: New Delhi}\n")
    assert article is not None and not problems
    assert article.meta.date == dt.date(2023, 4, 28)
    assert article.meta.place.en == "New Delhi"
    assert article.slug == "seed"
    assert (tmp_path / "seed.txt").read_bytes() == BODY.encode()


def test_undecodable_file_names_the_line(tmp_path: Path) -> None:
    article, problems = read(tmp_path, "bad.txt", "पहली पंक्ति\nदूसरी ".encode() + b"\xff\xfe junk")
    assert article is None
    assert [(p.line, p.level, p.code) for p in problems] == [(2, Level.ERROR, "encoding")]
    assert str(problems[0]).startswith("bad.txt:2: error: not UTF-8")


def test_empty_and_blank_files_are_errors(tmp_path: Path) -> None:
    for name, data in (("empty.txt", b""), ("blank.txt", b"  \n\n \t")):
        article, problems = read(tmp_path, name, data)
        assert article is None and [p.code for p in problems] == ["empty"]


def test_bad_date_is_reported_on_its_line_and_article_kept_undated(tmp_path: Path) -> None:
    article, problems = read(tmp_path, "d.md", f"---\ntitle: x\ndate: 2023-02-30\n---\n{BODY}".encode())
    assert article is not None and article.meta.date is None
    assert [(p.line, p.code) for p in problems] == [(3, "bad-date")]


def test_missing_date_is_a_warning(tmp_path: Path) -> None:
    article, problems = read(tmp_path, "n.txt", BODY.encode())
    assert article is not None
    assert [(p.level, p.code) for p in problems] == [(Level.WARNING, "no-date")]


def test_malformed_and_non_mapping_front_matter(tmp_path: Path) -> None:
    article, problems = read(tmp_path, "m.md", f"---\ntitle: [unclosed\n---\n{BODY}".encode())
    assert article is None and problems[0].code == "front-matter" and problems[0].line >= 2
    article, problems = read(tmp_path, "l.md", f"---\n- a\n- b\n---\n{BODY}".encode())
    assert article is None and problems[0].code == "front-matter"
    article, problems = read(tmp_path, "u.md", f"---\ntitle: a\n{BODY}".encode())
    assert article is None and "never closed" in problems[0].message


def test_unknown_key_warns_and_bad_url_and_slug_are_dropped(tmp_path: Path) -> None:
    text = f"---\ndate: 2023-01-01\ncolour: red\nurl: javascript:alert(1)\nslug: ../../etc\n---\n{BODY}"
    article, problems = read(tmp_path, "k.md", text.encode())
    assert article is not None and article.meta.url is None and article.slug == "k"
    assert sorted((p.code, p.line) for p in problems) == [("bad-slug", 5), ("bad-url", 4), ("unknown-key", 3)]


def test_duplicate_slugs_keep_the_first(tmp_path: Path) -> None:
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text(f"---\nslug: same\ndate: 2023-01-01\n---\n{BODY}", encoding="utf-8")
    articles, problems = sources.read_all(sources.discover([tmp_path]), None, tmp_path)
    assert [a.path for a in articles] == ["a.md"]
    assert [(p.path, p.code) for p in problems] == [("b.md", "duplicate-slug")]


@settings(max_examples=1000, deadline=None)
@given(st.text(max_size=300))
def test_front_matter_parsing_never_raises(text: str) -> None:
    report = sources._Report("x.md")
    front, body, _ = sources.split_front_matter("---\n" + text + "\n---\nपाठ")
    assert front is not None and body is not None
    data = sources.parse_yaml(front, 2, report)
    if data is not None:
        sources.metadata(data, front, 2, report)
    assert all(d.line >= 1 for d in report.found)


def test_control_characters_mean_binary_and_lines_count_cr_ends(tmp_path: Path) -> None:
    article, problems = read(tmp_path, "c.txt", b"one\rtwo\r\nthree\n\x00")
    assert article is None and [(p.line, p.code) for p in problems] == [(4, "binary")]


def test_file_over_the_limit_is_refused(tmp_path: Path) -> None:
    article, problems = read(tmp_path, "big.txt", BODY.encode() * (sources.MAX_BYTES // len(BODY.encode()) + 1))
    assert article is None and [p.code for p in problems] == ["too-large"]


def test_text_in_other_scripts_is_published_with_a_warning(tmp_path: Path) -> None:
    dated = "---\ndate: 2023-01-01\n---\n"
    article, problems = read(tmp_path, "en.txt", (dated + "Defence talks were held.").encode())
    assert article is not None and [(p.line, p.code) for p in problems] == [(4, "no-devanagari")]
    assert "Latin" in problems[0].message
    article, problems = read(tmp_path, "ur.txt", (dated + "وزیر دفاع نے ملاقات کی۔").encode())
    assert article is not None and "Arabic" in problems[0].message
    article, problems = read(tmp_path, "mx.txt", (dated + BODY + "\nThe talks went well.\n" + BODY).encode())
    assert article is not None and [(p.line, p.code) for p in problems] == [(5, "not-hindi")]


def test_stray_marks_invisible_characters_and_long_runs_are_reported(tmp_path: Path) -> None:
    text = "---\ndate: 2023-01-01\n---\nराज\u200bनाथ \u093eसिंह\n" + "शब्द " * 1000
    article, problems = read(tmp_path, "z.txt", text.encode())
    assert article is not None and "\u200b" not in article.body
    assert sorted((p.code, p.line) for p in problems) == [
        ("invisible", 4), ("long-sentence", 5), ("stray-mark", 4)]


def test_front_matter_size_nesting_and_value_errors_are_reported(tmp_path: Path) -> None:
    for front in ("title: " + "[" * 50 + "]" * 50, "x: " + "y" * 70_000, "date: !!timestamp 2023-02-30"):
        article, problems = read(tmp_path, "f.md", f"---\n{front}\n---\n{BODY}".encode())
        assert article is None and [(p.code, p.line) for p in problems] == [("front-matter", 2)]


def test_urls_with_markup_or_other_schemes_are_refused(tmp_path: Path) -> None:
    for url in ("javascript:alert(1)", "https://a.org/\"><script>", "data:text/html,x", "//a.org", " https://a.org"):
        text = f"---\ndate: 2023-01-01\nurl: '{url}'\n---\n{BODY}"
        article, problems = read(tmp_path, "u.md", text.encode())
        assert article is not None and article.meta.url is None and [p.code for p in problems] == ["bad-url"]
    article, _ = read(tmp_path, "ok.md", f"---\nurl: https://hindi.example/समाचार?a=1\n---\n{BODY}".encode())
    assert article is not None and article.meta.url == "https://hindi.example/समाचार?a=1"


def test_cached_reader_reads_as_read_does_and_remembers(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("---\ndate: 2024-01-05\n---\nरक्षा मंत्री ने बैठक की।\n", encoding="utf-8")
    sidecar = tmp_path / "a.yaml"
    sidecar.write_text("title: बैठक\n", encoding="utf-8")
    reader = CachedReader(Store(tmp_path / "cache", "sources", "v"))
    first = reader(article, sidecar, "a.txt")
    assert first == sources.read(article, sidecar, "a.txt")
    assert first[0] is not None and first[0].meta.title.hi == "बैठक"
    assert reader(article, sidecar, "a.txt") == first  # from the cache
    sidecar.unlink()
    assert reader(article, sidecar, "a.txt") == sources.read(article, sidecar, "a.txt")
