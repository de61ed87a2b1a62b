"""Every built page is linked soundly and described: links and anchors resolve, canonical URLs
are absolute, descriptions are per language, and each language has its own 404 page."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from conftest import ROOT, html_pages

SITE_URL = "https://bochum-tsukuba.example.org/"  # mkdocs.yml's site_url when SITE_URL is not set
LANG_PREFIX = {"de": "", "ja": "ja/", "en": "en/"}
NOT_FOUND = {"de": "404.html", "ja": "ja/404.html", "en": "en/404.html"}
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-zÀ-ɏ]")

# (tag, attribute) pairs whose value is a URL the reader's browser follows or loads.
URL_ATTRIBUTES = {
    ("a", "href"),
    ("link", "href"),
    ("script", "src"),
    ("img", "src"),
    ("source", "src"),
    ("iframe", "src"),
    ("form", "action"),
}


@dataclass
class Parsed:
    lang: str | None = None
    ids: set[str] = field(default_factory=set)
    urls: list[tuple[str, str]] = field(default_factory=list)  # (what, url)
    canonicals: list[str] = field(default_factory=list)
    descriptions: list[str] = field(default_factory=list)
    switcher: dict[str, str] = field(default_factory=dict)
    home: str | None = None
    h1: list[str] = field(default_factory=list)


class PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Parsed()
        self._h1: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        page = self.page
        if tag == "html":
            page.lang = a.get("lang")
        if "id" in a:
            page.ids.add(a["id"])
        if tag == "a" and "name" in a:
            page.ids.add(a["name"])
        for name, value in a.items():
            if (tag, name) in URL_ATTRIBUTES:
                page.urls.append((f"<{tag} {name}>", value))
        if tag == "dialog" and "data-bundle" in a:
            # The search dialog's Pagefind bundles, loaded when a reader opens the search,
            # and the root its results' URLs start from.
            page.urls.append(("<dialog data-bundle>", a["data-bundle"] + "pagefind-ui.js"))
            for bundle in a.get("data-merge", "").split():
                page.urls.append(("<dialog data-merge>", bundle + "pagefind-entry.json"))
            page.urls.append(("<dialog data-site-root>", a.get("data-site-root", "")))
        if tag == "link" and a.get("rel") == "canonical":
            page.canonicals.append(a.get("href", ""))
        if tag == "meta" and a.get("name") == "description":
            page.descriptions.append(a.get("content", ""))
        if tag == "a" and "md-select__link" in a.get("class", ""):
            page.switcher[a.get("hreflang", "")] = a.get("href", "")
        if tag == "a" and "md-logo" in a.get("class", "") and "md-header__button" in a.get("class", ""):
            page.home = a.get("href")
        if tag == "h1":
            self._h1 = []

    def handle_data(self, data: str) -> None:
        if self._h1 is not None:
            self._h1.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "h1" and self._h1 is not None:
            self.page.h1.append(" ".join("".join(self._h1).split()))
            self._h1 = None


def parse(file: Path) -> Parsed:
    parser = PageParser()
    parser.feed(file.read_text("utf-8"))
    return parser.page


def language_of(site: Path, file: Path) -> str:
    first = file.relative_to(site).parts[0]
    return first if first in ("ja", "en") else "de"


def is_not_found(site: Path, file: Path) -> bool:
    return file.relative_to(site).as_posix() in NOT_FOUND.values()


def resolve(site: Path, page: Path, url: str) -> tuple[Path, str] | None:
    """The file and fragment an internal URL on ``page`` leads to; None for external URLs."""
    parts = urlsplit(url)
    if parts.scheme in ("mailto", "tel"):
        return None
    root = urlsplit(SITE_URL)
    path = unquote(parts.path)
    if parts.netloc and not parts.scheme:
        # "//x/…" leads to the host x, never into the site: reported as leaving it.
        return Path(url), ""
    if parts.scheme or parts.netloc:
        if (parts.scheme, parts.netloc) != (root.scheme, root.netloc):
            return None  # another site
        path = "/" + path.removeprefix(root.path)
    if path.startswith("/"):
        target = site / path.lstrip("/")
    elif path:
        target = page.parent / path
    else:
        target = page  # "#fragment" on the page itself
    if target.is_dir() or path.endswith("/"):
        target = target / "index.html"
    return target.resolve(), unquote(parts.fragment)


@pytest.fixture(scope="module")
def pages(built_site: Path) -> dict[Path, Parsed]:
    return {file.resolve(): parse(file) for file in html_pages(built_site)}


def test_every_internal_link_and_anchor_resolves(built_site: Path, pages: dict[Path, Parsed]) -> None:
    site = built_site.resolve()
    broken: list[str] = []
    checked: dict[str, int] = defaultdict(int)
    for file, page in pages.items():
        lang = language_of(site, file)
        for what, url in page.urls:
            resolved = resolve(site, file, url)
            if resolved is None:
                continue
            target, fragment = resolved
            where = f"{file.relative_to(site)}: {what} {url!r}"
            if not target.is_relative_to(site):
                broken.append(f"{where} leaves the site")
            elif not target.is_file():
                broken.append(f"{where} → missing {target.relative_to(site)}")
            elif fragment and target.suffix == ".html" and fragment not in pages[target].ids:
                broken.append(f"{where} → no id {fragment!r} in {target.relative_to(site)}")
            else:
                checked[lang] += 1
    assert not broken, "\n".join(broken)
    assert all(checked[lang] > 100 for lang in LANG_PREFIX), dict(checked)


def test_sitemap_lists_only_pages_that_exist(built_site: Path) -> None:
    sitemap = (built_site / "sitemap.xml").read_text("utf-8")
    urls = re.findall(r"<loc>([^<]+)</loc>", sitemap) + re.findall(
        r'<xhtml:link [^>]*href="([^"]+)"', sitemap
    )
    assert urls
    site = built_site.resolve()
    missing = []
    for url in urls:
        resolved = resolve(site, site / "index.html", url)
        assert resolved is not None, f"the sitemap lists another site: {url}"
        if not resolved[0].is_file():
            missing.append(url)
    assert not missing, missing


def test_robots_txt_at_the_root_names_the_sitemap_that_is_there(built_site: Path) -> None:
    lines = (built_site / "robots.txt").read_text("utf-8").splitlines()
    sitemaps = [line.removeprefix("Sitemap: ") for line in lines if line.startswith("Sitemap: ")]
    # The shipped site_url: the sitemap's own absolute address, and the file is beside robots.txt.
    assert sitemaps == ["https://bochum-tsukuba.example.org/sitemap.xml"]
    assert (built_site / "sitemap.xml").is_file()
    assert "Disallow: /" not in lines


def test_sitemap_lists_every_page_of_the_site(built_site: Path) -> None:
    listed = set(re.findall(r"<loc>([^<]+)</loc>", (built_site / "sitemap.xml").read_text("utf-8")))
    site = built_site.resolve()
    unlisted = [
        page.relative_to(site).as_posix()
        for page in html_pages(site)
        if not is_not_found(site, page)
        and SITE_URL + page.relative_to(site).as_posix().removesuffix("index.html") not in listed
    ]
    assert not unlisted, unlisted
    sitemaps = sorted(p.relative_to(site).as_posix() for p in site.rglob("sitemap.xml*"))
    assert sitemaps == ["sitemap.xml", "sitemap.xml.gz"], "one sitemap, at the root"


def test_a_record_page_is_listed_with_the_day_its_record_was_checked(built_site: Path) -> None:
    records = yaml.safe_load((ROOT / "data" / "cycling.yml").read_text("utf-8"))
    [record] = [record for record in records if record["id"] == "ring-ring-road"]
    sitemap = (built_site / "sitemap.xml").read_text("utf-8")
    for prefix in ("", "ja/", "en/"):
        loc = f"<loc>{SITE_URL}{prefix}cycling/ring-ring-road/</loc>"
        assert f"{loc}\n    <lastmod>{record['updated']}</lastmod>" in sitemap, prefix
    assert f"<loc>{SITE_URL}partnership/</loc>\n    <xhtml:link" in sitemap  # no date where none is known


def test_canonical_urls_are_absolute_and_name_the_page_itself(
    built_site: Path, pages: dict[Path, Parsed]
) -> None:
    site = built_site.resolve()
    wrong = []
    for file, page in pages.items():
        if is_not_found(site, file):
            # A 404 answer is no page of its own; Material gives it no canonical URL.
            assert not page.canonicals, file
            continue
        directory = file.parent.relative_to(site).as_posix()
        expected = SITE_URL if directory == "." else f"{SITE_URL}{directory}/"
        if page.canonicals != [expected]:
            wrong.append(f"{file.relative_to(site)}: {page.canonicals} (expected {expected})")
    assert not wrong, "\n".join(wrong)


def test_every_page_has_a_description_in_its_language(built_site: Path, pages: dict[Path, Parsed]) -> None:
    site = built_site.resolve()
    by_key: dict[str, dict[str, str]] = defaultdict(dict)
    problems = []
    for file, page in pages.items():
        if is_not_found(site, file):
            # Not indexed (served with status 404), so no search snippet to describe. The
            # theme's 404.html has no page.meta; see the 404 tests below.
            continue
        lang = language_of(site, file)
        where = file.relative_to(site).as_posix()
        if len(page.descriptions) != 1 or not page.descriptions[0].strip():
            problems.append(f"{where}: descriptions {page.descriptions}")
            continue
        key = where.removeprefix(LANG_PREFIX[lang])
        by_key[key][lang] = page.descriptions[0]
    for key, texts in by_key.items():
        if set(texts) != set(LANG_PREFIX):
            problems.append(f"{key}: descriptions only in {sorted(texts)}")
            continue
        if len(set(texts.values())) != 3:
            problems.append(f"{key}: the same description in two languages: {texts}")
        if not JAPANESE.search(texts["ja"]):
            problems.append(f"{key}: the Japanese description has no Japanese: {texts['ja']!r}")
        for lang in ("de", "en"):
            letters = len(LATIN.findall(texts[lang])) + len(JAPANESE.findall(texts[lang]))
            if len(LATIN.findall(texts[lang])) < 0.5 * letters:
                problems.append(f"{key}: the {lang} description is not in {lang}: {texts[lang]!r}")
    assert not problems, "\n".join(problems)
    assert len(by_key) > 40


# --- 404 pages ----------------------------------------------------------------


def test_each_language_has_its_own_404_page(built_site: Path) -> None:
    homes = {"de": "/", "ja": "/ja/", "en": "/en/"}
    for lang, path in NOT_FOUND.items():
        file = built_site / path
        assert file.is_file(), f"no 404 page for {lang} at /{path}"
        page = parse(file)
        assert page.lang == lang, f"/{path}: <html lang={page.lang}>"
        # Served at any missing URL, so its links are absolute paths.
        home = page.home.replace("/.", "/")
        assert home == homes[lang], f"/{path}: the logo leads to {page.home}"


def test_404_language_switcher_leads_to_the_other_languages_home_or_404(built_site: Path) -> None:
    allowed = {lang: {"/" + LANG_PREFIX[lang], "/" + NOT_FOUND[lang]} for lang in LANG_PREFIX}
    wrong = []
    for path in NOT_FOUND.values():
        switcher = parse(built_site / path).switcher
        assert set(switcher) == set(LANG_PREFIX), f"/{path}: switcher {switcher}"
        wrong += [
            f"/{path} → {other}: {href}" for other, href in switcher.items() if href not in allowed[other]
        ]
    assert not wrong, "\n".join(wrong)


def test_404_page_speaks_the_readers_language(built_site: Path) -> None:
    headings = {lang: parse(built_site / path).h1 for lang, path in NOT_FOUND.items()}
    assert all(len(h) == 1 for h in headings.values()), headings
    assert len({h[0] for h in headings.values()}) == 3, f"the same heading in several languages: {headings}"
    assert JAPANESE.search(headings["ja"][0]), headings["ja"]


class LanguageOfParts(HTMLParser):
    """Text in Japanese script outside an element marked lang="ja", and the switcher's links."""

    VOID = frozenset(
        ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]
    )
    VERBATIM = frozenset(("script", "style", "pre", "code"))  # code and examples are read as written

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._open: list[tuple[str, str | None]] = []  # (tag, language in effect)
        self.unmarked: list[str] = []
        self.switcher_langs: list[tuple[str | None, str | None]] = []  # (hreflang, lang)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "a" and "md-select__link" in (a.get("class") or ""):
            self.switcher_langs.append((a.get("hreflang"), a.get("lang")))
        if tag not in self.VOID:
            self._open.append((tag, a.get("lang", self._open[-1][1] if self._open else None)))

    def handle_endtag(self, tag: str) -> None:
        # "<br />" ends as it starts, and a stray end tag closes nothing: neither may empty the stack.
        if tag in self.VOID or all(open_tag != tag for open_tag, _ in self._open):
            return
        while self._open.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        if not self._open or any(tag in self.VERBATIM for tag, _ in self._open):
            return
        if JAPANESE.search(data) and self._open[-1][1] != "ja":
            self.unmarked.append(f"<{self._open[-1][0]}> {data.strip()[:40]!r}")


def test_japanese_on_german_and_english_pages_is_marked_so_and_each_language_named_in_itself(
    built_site: Path,
) -> None:
    site = built_site.resolve()
    unmarked, switchers = [], []
    for file in html_pages(site):
        page = LanguageOfParts()
        page.feed(file.read_text("utf-8"))
        if language_of(site, file) != "ja":
            unmarked += [f"{file.relative_to(site)}: {text}" for text in page.unmarked]
        wrong = [(href, lang) for href, lang in page.switcher_langs if href != lang]
        if wrong or len(page.switcher_langs) != len(LANG_PREFIX):
            switchers.append(f"{file.relative_to(site)}: {page.switcher_langs}")
    assert not unmarked, "\n".join(unmarked)
    assert not switchers, "\n".join(switchers)


def test_the_language_check_reads_past_line_breaks_and_stray_end_tags() -> None:
    page = LanguageOfParts()
    page.feed('<p lang="de">a<br />日本語</p></span><p>つくば <span lang="ja">筑波</span></p>')
    assert page.unmarked == ["<p> '日本語'", "<p> 'つくば'"]


def test_a_records_official_website_is_linked_before_its_sources(built_site: Path) -> None:
    page = (built_site / "en" / "disaster-prevention" / "kiez-bochum" / "index.html").read_text("utf-8")
    website = page.index("<dt>Official website</dt>")
    link = '<a href="https://bochum.de/Referat-fuer-Krisenmanagement-und-Bevoelkerungsschutz/KIEZ---'
    assert page.index(link, website) < page.index('id="sources"')
    japanese = (built_site / "ja" / "disaster-prevention" / "kiez-bochum" / "index.html").read_text("utf-8")
    assert "<dt>公式サイト</dt>" in japanese
