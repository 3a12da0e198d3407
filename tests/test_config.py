"""digest.toml: the documented example, defaults, and a clear message for every bad value."""

from __future__ import annotations

import dataclasses
import re
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from generator import config
from generator.config import Config

REPO = Path(__file__).resolve().parent.parent


def load(tmp_path: Path, text: str) -> tuple[Config, list[str]]:
    (tmp_path / config.CONFIG_NAME).write_text(text, encoding="utf-8")
    cfg, problems = config.load(tmp_path)
    return cfg, [f"{p.path}:{p.line}: {p.message}" for p in problems]


def test_no_file_means_defaults(tmp_path: Path) -> None:
    cfg, problems = config.load(tmp_path)
    assert problems == [] and cfg == Config() and cfg.root == tmp_path


def test_example_documents_every_option_with_default_values() -> None:
    cfg, problems = config.load(REPO)
    assert problems == []
    assert cfg == dataclasses.replace(Config(), base_url=cfg.base_url)
    assert cfg.base_url != Config().base_url and cfg.base_url.startswith("https://")
    blocks = (REPO / config.CONFIG_NAME).read_text(encoding="utf-8").split("\n\n")
    for option in config.OPTIONS:
        block = next(b for b in blocks if re.search(rf"^{option} = ", b, re.MULTILINE))
        assert "# " in block, f"{option} is not documented"


def test_values_are_read_and_base_url_gets_its_slash(tmp_path: Path) -> None:
    cfg, problems = load(tmp_path, 'title_en = "Digest"\nbase_url = "https://u.github.io/r"\nlanguages = ["hi"]\nsummary_sentences = 5\n')
    assert problems == []
    assert (cfg.title("en"), cfg.base_url, cfg.languages, cfg.summary_sentences) == (
        "Digest", "https://u.github.io/r/", ("hi",), 5)
    assert cfg.base_path() == "/r/"


def test_unknown_option_names_line_and_suggests(tmp_path: Path) -> None:
    _, problems = load(tmp_path, 'title_en = "x"\nsumary_sentences = 2\n')
    assert problems == ["digest.toml:2: unknown option 'sumary_sentences' (did you mean 'summary_sentences'?)"]


def test_bad_values_are_reported_and_defaults_kept(tmp_path: Path) -> None:
    text = "\n".join([
        "summary_sentences = true",
        "feed_entries = 0",
        'languages = ["en", "en"]',
        'base_url = "example.org/digest"',
        'title_hi = "  "',
        'output_dir = "/srv/site"',
    ])
    cfg, problems = load(tmp_path, text + "\n")
    assert [p.split(":")[1] for p in problems] == ["1", "2", "3", "4", "5", "6"]
    assert "summary_sentences must be a whole number from 1 to 20" in problems[0]
    assert "each at most once" in problems[2] and "absolute http(s) address" in problems[3]
    assert cfg == Config(root=tmp_path)


def test_option_line_is_found_exactly(tmp_path: Path) -> None:
    _, problems = load(tmp_path, 'title_hi = "क"\ntitle = "x"\n')
    assert problems[0].startswith("digest.toml:2:")


def test_invalid_toml_names_the_line(tmp_path: Path) -> None:
    cfg, problems = load(tmp_path, 'title_en = "ok"\nlanguages = [en]\n')
    assert len(problems) == 1 and re.match(r"digest.toml:2: not valid TOML", problems[0])
    assert cfg == Config(root=tmp_path)


@settings(max_examples=150, deadline=None)
@given(st.text() | st.lists(st.sampled_from(['title_en = "a"', "languages = []", "x = 1", "[site]", "feed_entries = 2", "= ="])).map("\n".join))
def test_any_text_gives_a_config_and_no_exception(text: str) -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        (folder / config.CONFIG_NAME).write_text(text, encoding="utf-8", errors="surrogatepass")
        cfg, problems = config.load(folder)
    assert isinstance(cfg, Config)
    assert all(p.path == config.CONFIG_NAME and p.line >= 1 for p in problems)
