"""Long section indexes are split into pages that link to each other in every language."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
import yaml
from test_site_pages import parse, resolve

from conftest import ROOT, run_mkdocs_build
from kakehashi.site.languages import LANGUAGES
from kakehashi.site.record_pages import CARDS_PER_PAGE, index_page_count, render_section_index
from kakehashi.site.whole_site import Site, load_site
from kakehashi.sources.loader import load_data
from kakehashi.sources.problems import SourceProblems

DATA = load_data(ROOT)


def many_cycling_records(count: int) -> list[dict]:
    shipped = DATA.sections["cycling"]
    # Deep copies: repeated objects would be written as YAML aliases, which data files refuse.
    # No "See also" and no pair: the records they name are not among the copies.
    copies = [{**copy.deepcopy(shipped[i % len(shipped)]), "id": f"route-{i}"} for i in range(count)]
    for record in copies:
        record.pop("related", None)
        record.pop("pair", None)
    return copies


def site_with(records: list[dict]) -> Site:
    site = load_site(ROOT)
    site.data.sections["cycling"][:] = records
    # "See also" only to records that are still there, as the loader requires.
    keys = {f"{section}/{r['id']}" for section, rs in site.data.sections.items() for r in rs}
    for record in (
        r for rs in [*site.data.sections.values(), site.data.events] for r in rs if "related" in r
    ):
        record["related"] = [key for key in record["related"] if key in keys]
        if not record["related"]:
            del record["related"]
    # Likewise the records a guide's rows link.
    groups = [group for guide in site.data.guides.values() for group in guide.get("groups", ())]
    for row in (row for group in groups for row in group["rows"]):
        if "records" in row:
            row["records"] = [key for key in row["records"] if key in keys]
            if not row["records"]:
                del row["records"]
    site.__post_init__()
    return site


def card_ids(markdown: str) -> list[str]:
    return re.findall(r"\]\((route-[0-9]+)\.md\)", markdown)


def test_shipped_indexes_fit_on_one_page_without_page_links() -> None:
    for section in DATA.sections:
        assert index_page_count(DATA, section) == 1
        assert "kk-pager" not in render_section_index(DATA, section, "de")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_record_is_on_exactly_one_page(lang: str) -> None:
    records = many_cycling_records(3 * CARDS_PER_PAGE + 7)
    site = site_with(records)
    in_tsukuba = sum(r["city"] == "tsukuba" for r in records)
    count = index_page_count(site.data, "cycling")
    assert count == -(-max(in_tsukuba, len(records) - in_tsukuba) // CARDS_PER_PAGE)
    keys = [k for k in site.page_keys() if k == "cycling/index" or k.startswith("cycling/page-")]
    assert keys == ["cycling/index"] + [f"cycling/page-{n}" for n in range(2, count + 1)]
    seen = [card for key in keys for card in card_ids(site.markdown(key, lang))]
    assert sorted(seen) == sorted(r["id"] for r in records)


def test_page_titles_and_links_between_pages() -> None:
    site = site_with(many_cycling_records(4 * CARDS_PER_PAGE))
    second = site.markdown("cycling/page-2", "ja")
    assert 'title: "サイクリング（2ページ目）"' in second
    assert "[← 前のページ](index.md)" in second
    assert "[次のページ →](page-3.md)" in second
    assert '<strong aria-current="page">2</strong>' in second
    assert '[1](index.md){ aria-label="1ページ目" }' in second
    first = site.markdown("cycling/index", "de")
    assert 'title: "Radwege"' in first and "Vorherige Seite" not in first
    assert "Seite 1 von " in first


def test_an_id_that_is_the_address_of_an_index_page_is_refused(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    for file in (ROOT / "data").iterdir():
        if file.is_file():
            (tmp_path / "data" / file.name).write_text(file.read_text("utf-8"), "utf-8")
    path = tmp_path / "data" / "cycling.yml"
    first_id = DATA.sections["cycling"][0]["id"]
    path.write_text(path.read_text("utf-8").replace(f"- id: {first_id}\n", "- id: page-2\n", 1), "utf-8")
    with pytest.raises(SourceProblems) as raised:
        load_data(tmp_path, ROOT / "data" / "schema")
    assert [str(p) for p in raised.value.problems] == [
        "data/cycling.yml:4:7: page-2.id: the id 'page-2' is the address of a page of the section's list;"
        " choose another id"
    ]


def test_built_pages_of_a_long_index_link_to_each_other(project_copy: Path, tmp_path: Path) -> None:
    path = project_copy / "data" / "cycling.yml"
    records = many_cycling_records(4 * CARDS_PER_PAGE)
    count = index_page_count(site_with(records).data, "cycling")
    assert count >= 2
    header = "# yaml-language-server: $schema=schema/cycling.schema.json\n"
    path.write_text(header + yaml.safe_dump(records, allow_unicode=True, sort_keys=False), "utf-8")
    # A project and an event name a shipped route under related; the routes are replaced.
    for name, named in (
        ("projects.yml", "    - cycling/cycle-park-tsukuba\n"),
        ("events.yml", "  related:\n    - cycling/cycle-park-tsukuba\n"),  # its only one
    ):
        linking = project_copy / "data" / name
        text = linking.read_text("utf-8")
        assert named in text, name
        linking.write_text(text.replace(named, ""), "utf-8")
    # The cycling crosswalk links shipped routes in its rows: without them, it goes too.
    (project_copy / "data" / "guides" / "cycling-crosswalk.yml").unlink()
    site = tmp_path / "site"
    result = run_mkdocs_build(project_copy, site)
    assert result.returncode == 0, result.stderr
    sitemap = (site / "sitemap.xml").read_text("utf-8")
    for prefix, lang in (("", "de"), ("ja/", "ja"), ("en/", "en")):
        last = site / prefix / "cycling" / f"page-{count}" / "index.html"
        page = parse(last)
        assert page.lang == lang
        targets = {resolve(site, last, url) for what, url in page.urls if what == "<a href>"}
        before = site / prefix / "cycling" / ("index.html" if count == 2 else f"page-{count - 1}/index.html")
        assert before.resolve() in {target[0] for target in targets if target}
        assert f"{prefix}cycling/page-{count}/" in sitemap
        assert not (site / prefix / "cycling" / f"page-{count + 1}").exists()
        # Each page of the index has its own page in the other languages as alternates.
        alternate = r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"'
        alternates = dict(re.findall(alternate, last.read_text("utf-8")))
        site_url = "https://bochum-tsukuba.example.org/"
        assert alternates == {
            "de": f"{site_url}cycling/page-{count}/",
            "ja": f"{site_url}ja/cycling/page-{count}/",
            "en": f"{site_url}en/cycling/page-{count}/",
            "x-default": f"{site_url}cycling/page-{count}/",
        }
