"""The legal pages a German site owes its readers, in every language: the imprint with the
operator's settings, the privacy statement, the accessibility statement, each linked from
every page's footer; and the notice that the site is not an official site of either city."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

from conftest import build, html_pages

LANGUAGES = ("de", "ja", "en")
PREFIX = {"de": "", "ja": "ja/", "en": "en/"}
FOOTER = re.compile(r'<nav class="kk-legal" aria-label="([^"]+)">(.*?)</nav>', re.DOTALL)
LINK = re.compile(r'<a href="([^"]+)">([^<]+)</a>')
FOOTER_WORDS = {
    "de": ["Impressum", "Datenschutz", "Barrierefreiheit"],
    "ja": ["運営者情報", "プライバシーポリシー", "アクセシビリティ"],
    "en": ["Imprint", "Privacy", "Accessibility"],
}


def text_of(site: Path, lang: str, page: str) -> str:
    """The words of a page's article, without tags."""
    html = (site / PREFIX[lang] / page / "index.html").read_text("utf-8")
    article = re.search(r"<article.*?</article>", html, re.DOTALL)
    assert article, page
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", article.group(0))).split())


def language_of(site: Path, file: Path) -> str:
    first = file.relative_to(site).parts[0]
    return first if first in ("ja", "en") else "de"


def test_every_page_links_the_legal_pages_of_its_language_from_its_footer(built_site: Path) -> None:
    for file in html_pages(built_site):
        lang = language_of(built_site, file)
        html = file.read_text("utf-8")
        footers = FOOTER.findall(html)
        assert len(footers) == 1, file
        links = LINK.findall(footers[0][1])
        assert [text for _, text in links] == FOOTER_WORDS[lang], file
        if file.name == "404.html":
            continue  # served at any address: its links start at the root (checked below)
        for href, _ in links:
            target = (file.parent / href / "index.html").resolve()
            assert target.is_file(), f"{file}: {href}"
            assert language_of(built_site, target) == lang, f"{file}: {href} leads to another language"
    for lang in LANGUAGES:
        footer = FOOTER.search((built_site / PREFIX[lang] / "404.html").read_text("utf-8"))
        assert footer is not None
        hrefs = [href for href, _ in LINK.findall(footer.group(2))]
        assert hrefs == [f"/{PREFIX[lang]}{page}/" for page in ("about", "privacy", "accessibility")]


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("de", "Sie ist keine offizielle Website der Stadt Bochum oder der Stadt Tsukuba"),
        ("ja", "つくば市・ボーフム市の公式サイトではありません"),
        ("en", "it is not an official website of either city"),
    ],
)
def test_home_and_about_say_the_site_is_not_an_official_site_of_either_city(
    built_site: Path, lang: str, words: str
) -> None:
    assert words in text_of(built_site, lang, "")
    about = text_of(built_site, lang, "about")
    assert {"de": "keine offizielle Website", "ja": "公式サイトではなく", "en": "not an official website"}[
        lang
    ] in about


# What each privacy statement must name: legal basis, rights, complaint, authority, no cookies, maps.
PRIVACY = {
    "de": [
        "Art. 6 Abs. 1 lit. f DSGVO",
        "Art. 15 DSGVO",
        "Art. 16 DSGVO",
        "Art. 17 DSGVO",
        "Art. 18 DSGVO",
        "Art. 20 DSGVO",
        "Art. 21 DSGVO",
        "Art. 77 DSGVO",
        "Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen (LDI NRW)",
        "keine Cookies",
        "Server-Logdateien",
        "erst geladen, wenn Sie sie mit einer Schaltfläche ausdrücklich anfordern",
        "Die Angaben zum Betreiber werden noch ergänzt.",
    ],
    "ja": [
        "第6条第1項(f)",
        "第15条",
        "第16条",
        "第17条",
        "第18条",
        "第20条",
        "第21条",
        "第77条",
        "LDI NRW",
        "Cookieを使用せず",
        "サーバーログ",
        "ボタンを押して表示を求めたときに初めて読み込まれます",
        "運営者情報は現在準備中です。",
    ],
    "en": [
        "Art. 6(1)(f) GDPR",
        "Art. 15 GDPR",
        "Art. 16 GDPR",
        "Art. 17 GDPR",
        "Art. 18 GDPR",
        "Art. 20 GDPR",
        "Art. 21 GDPR",
        "Art. 77 GDPR",
        "(LDI NRW)",
        "no cookies",
        "server log files",
        "loaded only when you ask for it with a button",
        "The operator's details are still to be added.",
    ],
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_privacy_statement_names_basis_rights_authority_and_the_controller(
    built_site: Path, lang: str
) -> None:
    text = text_of(built_site, lang, "privacy")
    missing = [words for words in PRIVACY[lang] if words not in text]
    assert not missing, f"{lang}: {missing}"
    html = (built_site / PREFIX[lang] / "privacy" / "index.html").read_text("utf-8")
    assert 'href="https://www.ldi.nrw.de/zustaendigkeiten-datenschutz"' in html


@pytest.mark.parametrize("lang", LANGUAGES)
def test_accessibility_statement_has_a_contact_and_the_enforcement_procedure(
    built_site: Path, lang: str
) -> None:
    html = (built_site / PREFIX[lang] / "accessibility" / "index.html").read_text("utf-8")
    assert 'href="https://www.schlichtungsstelle-bgg.de/"' in html
    text = text_of(built_site, lang, "accessibility")
    assert {"de": "§ 16 des Behindertengleichstellungsgesetzes", "ja": "第16条", "en": "§ 16 of the German"}[
        lang
    ] in text
    # The feedback contact is the operator of the settings (none yet).
    assert {
        "de": "Die Angaben zum Betreiber werden noch ergänzt.",
        "ja": "運営者情報は現在準備中です。",
        "en": "The operator's details are still to be added.",
    }[lang] in text


def test_filled_operator_settings_reach_imprint_privacy_and_accessibility_statement(
    project_copy: Path, tmp_path: Path
) -> None:
    config = project_copy / "mkdocs.yml"
    text = config.read_text("utf-8")
    start, end = text.index("  operator:\n"), text.index("  generator:")
    operator = (
        "  operator:\n"
        '    name: "Brücke Bochum–Tsukuba e. V."\n'
        '    address: ["Musterstraße 1", "44787 Bochum"]\n'
        '    email: "kontakt@example.org"\n'
        '    phone: "0234 000000"\n'
        "    responsible:\n"
        '      name: "Erika Mustermann"\n'
        '      address: ["Musterweg 2", "44789 Bochum"]\n'
    )
    config.write_text(text[:start] + operator + text[end:], "utf-8")
    site = tmp_path / "site"
    build(project_copy, site)
    for lang in LANGUAGES:
        imprint = text_of(site, lang, "about")
        assert "Brücke Bochum–Tsukuba e. V. Musterstraße 1 44787 Bochum" in imprint
        assert "0234 000000" in imprint and "Erika Mustermann Musterweg 2 44789 Bochum" in imprint
        for page in ("privacy", "accessibility"):
            words = text_of(site, lang, page)
            assert "Brücke Bochum–Tsukuba e. V." in words and "kontakt@example.org" in words, (lang, page)
            assert "Erika Mustermann" not in words, (
                "the contact is the operator, not the imprint's second part"
            )
            assert "noch ergänzt" not in words and "準備中" not in words and "still to be added" not in words
