"""``digest new [FILE|-]``: add one article with its metadata, checked exactly as the build checks it."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

from generator import config as config_module
from generator import importer, sources
from generator.commands.check import print_diagnostics
from generator.model import Level

# Which command-line input a diagnostic of the composed article is about.
_OPTION_OF = {"bad-date": "--date", "bad-url": "--url", "bad-slug": "--slug", "bad-source": "--source",
              "bad-title": "--title-hi", "bad-place": "--place", "empty": "text"}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "new",
        help="add an article from a file or standard input, with its metadata",
        description="Writes content/articles/<slug>.txt (or .md for a Markdown FILE) with YAML "
        "front matter. Nothing is written if the metadata is invalid or the article exists.",
    )
    p.add_argument("file", nargs="?", default="-", help="the Hindi text (default -: standard input)")
    p.add_argument("--date", required=True, help="publication date, YYYY-MM-DD")
    p.add_argument("--title-hi", required=True, help="headline in Hindi")
    p.add_argument("--title-en", help="headline in English")
    p.add_argument("--place", help="where it was reported from, in Hindi")
    p.add_argument("--place-en", help="the place in English")
    p.add_argument("--url", help="address of the original report (http:// or https://)")
    p.add_argument("--source", help="publisher, e.g. PIB")
    p.add_argument("--slug", help="id in URLs (default: the date and the English or Hindi title)")
    p.add_argument("--root", type=Path, default=Path("."), help="project folder (default: .)")
    p.set_defaults(run=run)


def front_matter(args: argparse.Namespace) -> dict[str, Any]:
    """The article's metadata fields from the command line."""
    title = {"hi": args.title_hi, "en": args.title_en}
    place = {"hi": args.place, "en": args.place_en}
    return {
        "title": {k: v for k, v in title.items() if v},
        "date": args.date,
        "place": {k: v for k, v in place.items() if v},
        "source": args.source,
        "url": args.url,
        "slug": args.slug,
    }


def default_slug(date: str, title_en: str | None) -> str:
    """``<date>-<English title words>``, or ``<date>-article`` without an English title."""
    parsed = sources.parse_date(date)
    words = re.sub(r"[^a-z0-9]+", "-", (title_en or "").lower()).strip("-")[:80].rstrip("-")
    return f"{parsed.isoformat() if parsed else 'undated'}-{words or 'article'}"


def read_body(name: str) -> str | None:
    """The article text from a file or standard input; None (with a message) if unreadable."""
    try:
        raw = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
        return raw.decode("utf-8-sig")
    except OSError as err:
        print(f"digest new: cannot read {name}: {err.strerror}", file=sys.stderr)
    except UnicodeDecodeError:
        print(f"digest new: {name} is not UTF-8 text", file=sys.stderr)
    return None


def run(args: argparse.Namespace) -> int:
    body = read_body(args.file)
    if body is None:
        return 1
    if sources.split_front_matter(body.replace("\r\n", "\n"))[0] is not None:
        print("digest new: the text already has front matter; copy the file into content/articles instead",
              file=sys.stderr)
        return 1
    if not args.date.strip():
        print("digest new: --date: a date is required (YYYY-MM-DD); nothing written", file=sys.stderr)
        return 1
    config, problems = config_module.load(args.root)
    print_diagnostics(problems)
    fields = front_matter(args)
    slug = args.slug or default_slug(args.date, args.title_en)
    suffix = ".md" if args.file.endswith(".md") else ".txt"
    folder = config.path("content_dir") / "articles"
    display = f"{config.content_dir}/articles/{slug}{suffix}"
    text = importer.article_text(fields, body)
    errors = [d for d in importer.validate(text, display) if d.level is Level.ERROR]
    for error in errors:
        print(f"digest new: {_OPTION_OF.get(error.code, 'input')}: {error.message}", file=sys.stderr)
    if errors:
        print("digest new: nothing written", file=sys.stderr)
        return 1
    taken = _slug_owner(config, slug)
    if taken:
        print(f"digest new: slug {slug!r} is already used by {taken}; nothing written "
              "(choose another with --slug)", file=sys.stderr)
        return 1
    if not importer.write_new(folder / f"{slug}{suffix}", text.encode("utf-8")):
        print(f"digest new: {display} exists; nothing written", file=sys.stderr)
        return 1
    print(f"wrote {display}", file=sys.stderr)
    return 0


def _slug_owner(config: config_module.Config, slug: str) -> str | None:
    """The input already published under ``slug``, if any."""
    inputs = sources.discover([config.path("seeds_dir"), config.path("content_dir") / "articles"])
    articles, _ = sources.read_all(inputs, config.path("content_dir") / "metadata", config.root)
    return next((a.path for a in articles if a.slug == slug), None)
