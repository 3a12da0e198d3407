"""Write the whole site for a digest into a folder: pages, static assets, and the rest."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.config import Config
from generator.digest import Digest
from generator.pages import read_text_pages, site_pages
from generator.render import Renderer


def write(digest: Digest, config: Config, out: Path) -> int:
    """Render every file of the site under ``out`` (an empty folder); returns the page count."""
    templates = config.path("templates_dir")
    shutil.copytree(templates / "static", out / "static")
    renderer = Renderer(templates, {"config": config})
    text_pages = read_text_pages(config.path("content_dir") / "pages", config.languages)
    return len(renderer.write(site_pages(digest, text_pages, config.languages), out))
