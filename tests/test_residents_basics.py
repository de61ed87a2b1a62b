"""What residents and visitors need first leads the disaster-prevention section: emergency
numbers, how warnings arrive and help for visitors, per city, each with its sources; the
record it comes from first among its city's cards; the editors' guide out of the readers' search."""

from __future__ import annotations

import copy
import dataclasses
import re
from html import unescape
from pathlib import Path

import pytest

from conftest import ROOT
from kakehashi.site.record_pages import render_section_index, sorted_records
from kakehashi.site.whole_site import load_site

PREFIX = {"de": "", "ja": "ja/", "en": "en/"}
HEADING = {"de": "Notruf und Warnungen", "ja": "緊急通報と警報", "en": "Emergency numbers and warnings"}
# Per language: what the Bochum and the Tsukuba basics must say.
BOCHUM = {
    "de": [
        "Notruf: 112",
        "110 für die Polizei",
        "116117",
        "NINA",
        "Cell Broadcast",
        "Sirenen",
        "Warntag",
        "Generalkonsulat von Japan in Düsseldorf",
        "在留届",
        "たびレジ",
    ],
    "ja": [
        "消防・救急は112",
        "警察は110",
        "116117",
        "NINA",
        "セル・ブロードキャスト",
        "サイレン",
        "全国警報訓練日",
        "在デュッセルドルフ日本国総領事館",
        "在留届",
        "たびレジ",
    ],
    "en": [
        "call 112",
        "110 for the police",
        "116117",
        "NINA",
        "Cell Broadcast",
        "sirens",
        "national warning day",
        "Consulate-General of Japan in Düsseldorf",
        "在留届",
        "たびレジ",
    ],
}
TSUKUBA = {
    "de": [
        "119 für Feuerwehr und Rettungsdienst",
        "110 für die Polizei",
        "J-ALERT",
        "防災行政無線",
        "ELEFAND",
    ],
    "ja": ["火事・救急は119番", "110番", "Jアラート", "防災行政無線", "ELEFAND"],
    "en": [
        "119 for the fire brigade and ambulance",
        "110 for the police",
        "J-ALERT",
        "防災行政無線",
        "ELEFAND",
    ],
}
SITE = load_site(ROOT)


def words(html: str) -> str:
    html = re.sub(r'<a class="headerlink".*?</a>', "", html)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def article(site: Path, lang: str, page: str) -> str:
    html = (site / PREFIX[lang] / page / "index.html").read_text("utf-8")
    found = re.search(r"<article.*?</article>", html, re.DOTALL)
    assert found, page
    return found.group(0)


@pytest.mark.parametrize("lang", ["de", "ja", "en"])
def test_the_section_page_starts_with_each_citys_basics_and_their_sources(
    built_site: Path, lang: str
) -> None:
    html = article(built_site, lang, "disaster-prevention")
    headings = re.findall(r"<h([23])[^>]*>(.*?)</h\1>", html, re.DOTALL)
    # Right after the intro: the basics, Bochum's then Tsukuba's, before any card.
    assert [words(text) for _, text in headings[:3]] == [
        HEADING[lang],
        words(SITE.data.cities["bochum"]["name"][lang]),
        words(SITE.data.cities["tsukuba"]["name"][lang]),
    ]
    assert html.index(HEADING[lang]) < html.index('class="grid cards"')
    block = html[: html.index('class="grid cards"')]
    bochum, tsukuba = block.split("</section>")[:2]
    for part, expected in ((bochum, BOCHUM[lang]), (tsukuba, TSUKUBA[lang])):
        text = words(part)
        missing = [word for word in expected if word not in text]
        assert not missing, f"{lang}: {missing}"
        assert 'class="kk-basics__sources"' in part
    # Each basics block names its sources, and the record it comes from.
    assert 'href="https://www.de.emb-japan.go.jp/itpr_ja/konsular_zairyu.html"' in bochum
    assert 'href="https://www.city.tsukuba.lg.jp/kurashi/anshin/shobo/1000590.html"' in tsukuba
    assert 'href="kiez-bochum/"' in bochum and 'href="tsukuba-evacuation-sites/"' in tsukuba


@pytest.mark.parametrize("lang", ["de", "ja", "en"])
def test_the_kiez_overview_is_the_first_card_of_bochum(built_site: Path, lang: str) -> None:
    html = article(built_site, lang, "disaster-prevention")
    cards = re.findall(r'<li>\s*<p><a href="([^"]+)"><strong>', html)
    bochum = [href for href in cards if href.startswith("kiez-") or href.startswith("reserve-area")]
    assert bochum[0] == "kiez-bochum/", bochum[:3]


def test_a_record_with_basics_leads_its_city_in_every_language() -> None:
    for lang in ("de", "ja", "en"):
        ordered = sorted_records(SITE.data, "disaster-prevention", lang)
        bochum = [r["id"] for r in ordered if r["city"] == "bochum"]
        assert bochum[0] == "kiez-bochum"
        # Without basics it would sort by title (in Japanese, after the schools).
        records = copy.deepcopy(SITE.data.sections["disaster-prevention"])
        for record in records:
            record.pop("basics", None)
            record.pop("basics_sources", None)
        data = dataclasses.replace(SITE.data, sections={**SITE.data.sections, "disaster-prevention": records})
        titles = [r["id"] for r in sorted_records(data, "disaster-prevention", lang) if r["city"] == "bochum"]
        assert "## " + HEADING[lang] not in render_section_index(data, "disaster-prevention", lang)
        if lang == "de":
            assert titles[0] != "kiez-bochum"


@pytest.mark.parametrize(
    ("lang", "plain"),
    [
        (
            "de",
            [
                "Ein Evakuierungsort ist ein Ort, an den man sich bei Gefahr sofort in Sicherheit bringt.",
                "Eine Notunterkunft ist ein Ort, an dem Menschen, die nicht nach Hause können, "
                "eine Zeit lang bleiben.",
            ],
        ),
        (
            "ja",
            [
                "避難場所は、危ないときにすぐ逃げる場所です。",
                "避難所は、家に帰れない人がしばらく生活する場所です。",
            ],
        ),
        (
            "en",
            [
                "An evacuation site is a place you go to straight away to escape danger.",
                "A shelter is a place where people who cannot return home can stay for a while.",
            ],
        ),
    ],
)
def test_the_tsukuba_evacuation_page_explains_the_two_words_plainly_and_leaves_the_api_to_the_end(
    built_site: Path, lang: str, plain: list[str]
) -> None:
    html = article(built_site, lang, "disaster-prevention/tsukuba-evacuation-sites")
    paragraphs = [words(p) for p in re.findall(r"<p>(.*?)</p>", html, re.DOTALL)]
    body = paragraphs[paragraphs.index(next(p for p in paragraphs if plain[0] in p)) :]
    assert plain[0] in body[0] and plain[1] in body[0], "one plain sentence each, first in the text"
    api = [i for i, p in enumerate(body) if "XGT001" in p]
    assert api == [1], "the API details are the text's last paragraph"
    assert not any("XGT001" in p or "API" in p for p in paragraphs[: paragraphs.index(body[0])])


def test_the_editors_guide_is_left_out_of_the_readers_search(built_site: Path) -> None:
    for lang in ("de", "ja", "en"):
        folder = built_site / PREFIX[lang]
        for page in (folder / "contribute").rglob("index.html"):
            assert "data-pagefind-body" not in page.read_text("utf-8"), page
        for page in ("disaster-prevention", "about", "privacy", "accessibility", "translation-status"):
            assert "data-pagefind-body" in (folder / page / "index.html").read_text("utf-8"), (lang, page)


@pytest.mark.parametrize(
    ("lang", "pointer"),
    [
        ("de", "Notrufnummern und wie Warnungen Sie erreichen: Krisen-Informations-Ersthilfe-Zentren (KIEZ)"),
        ("ja", "緊急通報の番号と警報の伝わり方：KIEZ：危機情報・応急支援センター"),
        (
            "en",
            "Emergency numbers and how warnings reach you: Crisis information and first-aid centres (KIEZ)",
        ),
    ],
)
def test_the_citys_other_pages_point_to_its_basics_instead_of_repeating_them(
    built_site: Path, lang: str, pointer: str
) -> None:
    for page in ("kiez-lessing-schule", "reserve-area-auf-der-heide"):
        html = article(built_site, lang, f"disaster-prevention/{page}")
        assert pointer.replace(" ", "") in words(html).replace(" ", ""), (lang, page)
        assert 'href="../kiez-bochum/"' in html
        # Written once, on the pages that hold the basics: not on every school's page.
        assert "116117" not in html and "112" not in words(html)
    assert "116117" in article(built_site, lang, "disaster-prevention/kiez-bochum")
    # Tokyo has no basics: its page points nowhere.
    tokyo = words(article(built_site, lang, "disaster-prevention/tokyo-rinkai-disaster-prevention-park"))
    assert pointer.split(":")[0].split("：")[0] not in tokyo
