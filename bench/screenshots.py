"""Regenerate docs/screenshots/*.png: home and the seed's article, in both languages, at 1280 and 390 px.

    .venv/bin/python bench/screenshots.py [--site site] [--out docs/screenshots]

Builds nothing: run ``digest build`` first. Serves the site on 127.0.0.1 under its
base path, drives Debian's chromium (Playwright, no browser download) and
prints each file written. A width under 600 px is taken as a phone.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from webserver import serve  # noqa: E402

from generator import config  # noqa: E402
from generator.render import base_path  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
        "--hide-scrollbars"]
WIDTHS = (1280, 390)
SEED_ARTICLE = "rajnath-singh-sco-bilateral-meetings-2023-04-28"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, default=REPO / "site")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    parser.add_argument("--article", default=SEED_ARTICLE, help="slug of the article to show")
    args = parser.parse_args()
    cfg, _ = config.load(REPO)
    args.out.mkdir(parents=True, exist_ok=True)
    shots = {"home": "index.html", "article": f"articles/{args.article}.html"}
    with serve(args.site, base_path(cfg.base_url)) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for lang in cfg.languages:
            for name, path in shots.items():
                for width in WIDTHS:
                    phone = width < 600
                    context = browser.new_context(viewport={"width": width, "height": 844 if phone else 900},
                                                  device_scale_factor=2 if phone else 1,
                                                  is_mobile=phone, has_touch=phone)
                    page = context.new_page()
                    response = page.goto(f"{base}{lang}/{path}", wait_until="networkidle")
                    if response is None or response.status != 200:
                        print(f"{lang}/{path}: HTTP {response.status if response else '?'}", file=sys.stderr)
                        return 1
                    page.evaluate("document.fonts.ready.then(() => true)")
                    target = args.out / f"{name}-{lang}-{width}.png"
                    page.screenshot(path=str(target), full_page=False)
                    context.close()
                    print(target.relative_to(REPO) if target.is_relative_to(REPO) else target)
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
