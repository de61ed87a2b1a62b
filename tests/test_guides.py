"""The guides: their data checked with exact messages, their pages in a real build.

A guide is one file in data/guides/ (kakehashi.sources.guide_files); its pages
are /guides/<id>/ in every language (kakehashi.site.guides), and the service
worker /sw.js keeps them readable offline (kakehashi.site.offline).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, copy_project, edit_guide, page_to_html, source_problems
from conftest import guide_line as line_of
from kakehashi.site.offline import offline_paths
from kakehashi.site.whole_site import load_site
from kakehashi.sources.loader import load_data

GUIDES = ROOT / "data" / "guides"
CROSSWALK = "disaster-prevention-crosswalk"
PREFIX = {"de": "", "ja": "ja/", "en": "en/"}


def problems_after_edit(project: Path, guide: str, old: str, new: str) -> list[str]:
    edit_guide(project, guide, old, new)
    return source_problems(project)


# --- the data ----------------------------------------------------------------------


def test_every_guide_of_the_project_loads() -> None:
    data = load_data(ROOT)
    assert set(data.guides) == {p.stem for p in GUIDES.glob("*.yml")}
    assert {CROSSWALK, "visitor-card-bochum", "visitor-card-tsukuba"} <= set(data.guides)


def test_a_row_without_a_source_is_refused_where_it_stands(project_copy: Path) -> None:
    # The first row of the first group loses its sources (three entries).
    old = """        sources:
          - url: "https://www.city.tsukuba.lg.jp/kurashi/anshin/1003890.html"
            title: "つくば市：避難場所・避難所"
            lang: ja
      - topic:"""
    line = line_of(project_copy, CROSSWALK, "  - heading:") + 4  # "rows:" under the first heading
    found = problems_after_edit(project_copy, CROSSWALK, old, "      - topic:")
    # At the row (its first key), naming the missing field.
    assert found == [
        f"data/guides/{CROSSWALK}.yml:{line + 1}:9: groups[1].rows[1].sources: "
        "the required field 'sources' is missing"
    ]


def test_an_unknown_field_in_a_row_is_refused_with_the_allowed_ones(project_copy: Path) -> None:
    line = line_of(project_copy, CROSSWALK, "A place to escape to at once")
    found = problems_after_edit(
        project_copy,
        CROSSWALK,
        '          en: "A place to escape to at once"\n',
        '          en: "A place to escape to at once"\n        colour: red\n',
    )
    assert found == [
        f"data/guides/{CROSSWALK}.yml:{line + 1}:9: groups[1].rows[1].colour: "
        "unknown field 'colour'; allowed here: germany, japan, records, sources, topic"
    ]


def test_a_link_to_a_missing_record_is_refused(project_copy: Path) -> None:
    line = line_of(project_copy, "visitor-card-bochum", "kiez-heinrich-boell-gesamtschule")
    found = problems_after_edit(
        project_copy, "visitor-card-bochum", "kiez-heinrich-boell-gesamtschule", "kiez-nowhere"
    )
    assert found == [
        f"data/guides/visitor-card-bochum.yml:{line}:13: places[2].record: "
        "there is no record 'kiez-nowhere' in data/disaster-prevention.yml"
    ]


def test_furigana_must_spell_the_phrase(project_copy: Path) -> None:
    line = line_of(project_copy, "visitor-card-tsukuba", "[救急車](きゅうきゅうしゃ)")
    found = problems_after_edit(
        project_copy, "visitor-card-tsukuba", "[救急車](きゅうきゅうしゃ)が", "[救急](きゅうきゅう)が"
    )
    assert found == [
        f"data/guides/visitor-card-tsukuba.yml:{line}:15: phrases[3].furigana: without its readings the "
        "furigana reads '救急が必要です', not the text '救急車が必要です';"
        " write each reading as [漢字](かんじ)"
    ]


def test_a_field_of_the_other_kind_and_a_bad_file_name_are_refused(project_copy: Path) -> None:
    guides = project_copy / "data" / "guides"
    (guides / "Visitor_Card.yml").write_text("kind: crosswalk\n", "utf-8")
    line = line_of(project_copy, CROSSWALK, "updated:")
    updated = 'updated: "2026-12-05"\n'
    found = problems_after_edit(project_copy, CROSSWALK, updated, updated + "city: bochum\n")
    assert found == [
        "data/guides/Visitor_Card.yml:1:1: the file name 'Visitor_Card' becomes the guide's address: use "
        "lowercase letters a–z, digits and single hyphens (not 'index'), e.g. visitor-card-bochum.yml",
        f"data/guides/{CROSSWALK}.yml:{line + 1}:1: city: the field 'city' belongs to a visitor-card;"
        " a crosswalk has: groups",
    ]


# --- escaping ----------------------------------------------------------------------

HOSTILE = '<script>alert("x")</script> *bold* [link](http://evil.example) & {: .x } <!-- c -->'


def test_hostile_row_text_is_shown_as_text(project_copy: Path) -> None:
    path = project_copy / "data" / "guides" / f"{CROSSWALK}.yml"
    text = path.read_text("utf-8")
    quoted = yaml.safe_dump(HOSTILE, allow_unicode=True, width=1000).strip().removesuffix("...").strip()
    text = text.replace('"A place to escape to at once"', quoted, 1)
    path.write_text(text, "utf-8")
    site = load_site(project_copy)
    body, _ = page_to_html(site.markdown(f"guides/{CROSSWALK}", "en"))
    assert "<script" not in body and "<strong>" not in body and "<!--" not in body
    assert not any("evil" in href for href in re.findall(r'href="([^"#][^"]*)"', body))
    # The row's heading shows the text as it was written.
    heading = re.search(r"<h3[^>]*>(.*?)<a class=\"headerlink\"", body).group(1)
    assert html.unescape(heading) == HOSTILE
    side = re.search(r'<p class="kk-crosswalk__side"', body)
    assert side and body.index(side.group(0)) > body.index(heading)


def test_hostile_card_text_is_shown_as_text(project_copy: Path) -> None:
    path = project_copy / "data" / "guides" / "visitor-card-tsukuba.yml"
    text = path.read_text("utf-8")
    quoted = yaml.safe_dump(HOSTILE, allow_unicode=True, width=1000).strip().removesuffix("...").strip()
    for old in (
        '"Police – give the name of the town first"',  # a number's label
        '"An app through which Tsukuba City passes on information in a disaster."',  # a warning
        '"kaji desu"',  # a reading aid
        '"There is a fire (when calling 119)."',  # a phrase's meaning
    ):
        assert old in text
        text = text.replace(old, quoted, 1)
    path.write_text(text, "utf-8")
    body, _ = page_to_html(load_site(project_copy).markdown("guides/visitor-card-tsukuba", "en"))
    assert "<script" not in body and "<strong>bold</strong>" not in body and "<!--" not in body
    assert not any("evil" in href for href in re.findall(r'href="([^"#][^"]*)"', body))
    assert html.unescape(body).count(HOSTILE) == 4


# --- the pages of a real build ------------------------------------------------------


def _page(site: Path, lang: str, path: str) -> str:
    return (site / PREFIX[lang] / path / "index.html").read_text("utf-8")


@pytest.mark.parametrize("lang", PREFIX)
def test_every_guide_page_shows_every_rows_sources(built_site: Path, lang: str) -> None:
    data = load_data(ROOT)
    listing = _page(built_site, lang, "guides")
    for guide_id, guide in data.guides.items():
        assert f'href="{guide_id}/"' in listing
        page = _page(built_site, lang, f"guides/{guide_id}")
        assert f'<html lang="{lang}"' in page
        rows = [row for group in guide.get("groups", ()) for row in group["rows"]]
        lists = ("numbers", "warnings", "places", "phrases", "offers", "contacts", "not_published")
        rows += [row for name in lists for row in guide.get(name, ())]
        rows += [row for step in guide.get("steps", ()) for row in (step, *step.get("items", ()))]
        assert rows
        for row in rows:
            for source in row["sources"]:
                link = f'<a href="{html.escape(source["url"])}" hreflang="{source["lang"]}"'
                assert link in page, source["url"]
    crosswalk = _page(built_site, lang, f"guides/{CROSSWALK}")
    # Each row holds its own sources, and links the records that serve it.
    rows = sum(len(group["rows"]) for group in data.guides[CROSSWALK]["groups"])
    assert crosswalk.count('class="kk-guide__sources"') == rows
    assert 'href="../../disaster-prevention/kiez-bochum/"' in crosswalk


def test_visitor_cards_carry_numbers_places_map_and_reading_aids(built_site: Path) -> None:
    bochum_ja = _page(built_site, "ja", "guides/visitor-card-bochum")
    for number in ("112", "110", "116117"):
        assert f'href="tel:{number}"' in bochum_ja
    assert "Königsallee 77–79" in bochum_ja  # the address comes from the record
    assert 'href="../../disaster-prevention/kiez-graf-engelbert-schule/"' in bochum_ja
    assert '<figure class="kk-map kk-map--section"' in bochum_ja
    assert '<span lang="ja">ルーフェン ズィー アイネン クランケンヴァーゲン</span>' in bochum_ja
    # The katakana aid is for Japanese readers only, and German readers get no column repeating the phrases.
    bochum_de = _page(built_site, "de", "guides/visitor-card-bochum")
    assert "クランケンヴァーゲン" not in bochum_de and ">Bedeutung</th>" not in bochum_de
    assert ">Meaning</th>" in _page(built_site, "en", "guides/visitor-card-bochum")
    tsukuba_en = _page(built_site, "en", "guides/visitor-card-tsukuba")
    ruby = "<ruby>救急車<rt>きゅうきゅうしゃ</rt></ruby>が<ruby>必要<rt>ひつよう</rt></ruby>です"
    assert f'<span lang="ja">{ruby}</span>' in tsukuba_en
    assert '<span lang="ja-Latn">kyūkyūsha ga hitsuyō desu</span>' in tsukuba_en


def test_guides_are_in_the_sitemap_with_alternates(built_site: Path) -> None:
    sitemap = (built_site / "sitemap.xml").read_text("utf-8")
    for lang, prefix in PREFIX.items():
        assert f"/{prefix}guides/visitor-card-tsukuba/</loc>" in sitemap
        page = _page(built_site, lang, "guides/visitor-card-tsukuba")
        for other, other_prefix in PREFIX.items():
            href = f"[^\"]*/{other_prefix}guides/visitor-card-tsukuba/"
            assert re.search(rf'<link rel="alternate" hreflang="{other}" href="{href}"', page)


def test_the_service_worker_is_served_from_the_site_root(built_site: Path) -> None:
    worker = (built_site / "sw.js").read_text("utf-8")
    assert not any((built_site / prefix / "sw.js").exists() for prefix in ("ja", "en"))
    assert "__VERSION__" not in worker and re.search(r'const VERSION = "[0-9a-f]{16}";', worker)
    paths = re.search(r"const OFFLINE_PATHS = (\[.*?\]);", worker).group(1)
    assert sorted(yaml.safe_load(paths)) == sorted(offline_paths())
    assert {"guides/", "ja/guides/", "en/disaster-prevention/"} <= set(offline_paths())
    # Every page registers it, relative to the page, from the site root.
    for lang, page in (("de", "partnership"), ("ja", "guides/visitor-card-bochum")):
        depth = (PREFIX[lang] + page).count("/") + 1
        assert f'data-worker="{"../" * depth}sw.js"' in _page(built_site, lang, page)


def test_the_workers_version_follows_the_content(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")

    def worker() -> bytes:
        site = load_site(project)
        return next(d.content for d in site.downloads("https://example.org/") if d.path == "sw.js")

    first = worker()
    assert worker() == first  # the same sources, the same bytes
    path = project / "data" / "guides" / "visitor-card-bochum.yml"
    path.write_text(path.read_text("utf-8").replace("Hilfe!", "Hilfe!!", 1), "utf-8")
    assert worker() != first
