"""The theme's part of each page, kept between builds: used while all the theme sees is the same."""

from __future__ import annotations

import marshal
import sqlite3
import zlib
from pathlib import Path

from conftest import build, is_page
from kakehashi.mkdocs_adapter.build_state import RENDERED
from kakehashi.mkdocs_adapter.speedups.page_shell_cache import pack, stable_repr, unpack

RECORD_PAGE = "ja/cycling/ring-ring-road/index.html"


def html_pages(site: dict[str, bytes]) -> list[str]:
    return [name for name in site if name.endswith("index.html") and is_page(name)]


def mark_kept_documents(project: Path, old: str, new: str) -> int:
    """Change ``old`` to ``new`` in what is kept of every page's document; how many were kept."""
    with sqlite3.connect(project / RENDERED) as db:
        rows = db.execute("SELECT key, entry FROM documents").fetchall()
        for key, entry in rows:
            parts = tuple(part.replace(old, new) for part in marshal.loads(zlib.decompress(entry)))
            db.execute(
                "UPDATE documents SET entry = ? WHERE key = ?", (zlib.compress(marshal.dumps(parts)), key)
            )
    return len(rows)


def test_every_page_of_a_second_build_comes_from_the_kept_documents(
    project_copy: Path, tmp_path: Path
) -> None:
    first = build(project_copy, tmp_path / "first")
    pages = html_pages(first)
    assert RECORD_PAGE in pages
    assert mark_kept_documents(project_copy, 'class="kk-search__title"', 'class="kept"') == len(pages)
    second = build(project_copy, tmp_path / "second")
    assert [name for name in pages if b'class="kept"' not in second[name]] == []
    # The page's own content is put back in between, not kept twice.
    assert second[RECORD_PAGE].replace(b'class="kept"', b'class="kk-search__title"') == first[RECORD_PAGE]


def test_a_changed_template_override_reaches_every_page(project_copy: Path, tmp_path: Path) -> None:
    first = build(project_copy, tmp_path / "first")
    template = project_copy / "overrides" / "main.html"
    template.write_text(
        template.read_text("utf-8").replace("kk-search__title", "kk-search__heading"), "utf-8"
    )
    second = build(project_copy, tmp_path / "second")
    assert [name for name in html_pages(first) if b"kk-search__heading" not in second[name]] == []


def test_a_changed_title_in_the_navigation_reaches_the_record_pages(
    project_copy: Path, tmp_path: Path
) -> None:
    first = build(project_copy, tmp_path / "first")
    record_page = "cycling/ring-ring-road/index.html"
    assert "Die Partnerschaft" in first[record_page].decode("utf-8")
    page = project_copy / "content" / "de" / "partnership.md"
    page.write_text(
        page.read_text("utf-8").replace("# Die Partnerschaft", "# Die Städtepartnerschaft"), "utf-8"
    )
    second = build(project_copy, tmp_path / "second")
    assert "Die Städtepartnerschaft" in second[record_page].decode("utf-8")
    assert (
        second["ja/" + record_page] == first["ja/" + record_page]
    )  # the other languages' navigation is as it was


def test_a_document_is_the_shell_around_its_content() -> None:
    document = "<html><nav>Start</nav><main><p>Inhalt</p></main></html>"
    content = "<p>Inhalt</p>"
    entry = pack(document, content)
    assert b"Inhalt" not in zlib.decompress(entry)
    assert unpack(entry, content) == document
    # A new content of the same page goes where the old one was.
    assert unpack(entry, "<p>Neu</p>") == "<html><nav>Start</nav><main><p>Neu</p></main></html>"


def test_a_document_without_its_content_is_kept_whole() -> None:
    entry = pack("<html>anders</html>", "<p>Inhalt</p>")
    assert unpack(entry, "<p>Inhalt</p>") == "<html>anders</html>"


def test_an_entry_that_does_not_fit_is_ignored() -> None:
    assert unpack(b"not compressed", "x") is None
    assert unpack(zlib.compress(marshal.dumps(["a", "b"])), "x") is None
    assert unpack(zlib.compress(marshal.dumps(("a", 1))), "x") is None


def test_the_key_text_does_not_depend_on_the_order_of_sets_and_mappings() -> None:
    assert stable_repr({"b": {3, 1, 2}, "a": [1, "x"]}) == stable_repr({"a": [1, "x"], "b": {2, 3, 1}})
    assert stable_repr({"a": 1}) != stable_repr({"a": "1"})
