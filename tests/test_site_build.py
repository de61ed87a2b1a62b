"""Full builds with ``mkdocs build --strict``: the public contracts on the real output."""

from __future__ import annotations

import json
import posixpath
import re
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from conftest import ROOT, html_pages, run_mkdocs_build
from kakehashi.site.glossary import KINDS, LABELS, STATUSES, term
from kakehashi.site.glossary import SECTION_TITLES as SECTIONS_GLOSSARY
from kakehashi.sources.loader import SECTION_IDS, load_data

SITE_URL = "https://bochum-tsukuba.example.org/"
LANG_PREFIX = {"de": "", "ja": "ja/", "en": "en/"}


# Link relations that make a browser fetch the target without the reader asking.
LOADING_RELS = {
    "stylesheet", "preconnect", "dns-prefetch", "icon", "apple-touch-icon", "preload",
    "modulepreload", "prefetch", "prerender", "manifest", "mask-icon",
}  # fmt: skip
CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)|@import\s+(['"])(.*?)\3""", re.I | re.S)


def css_urls(css: str) -> list[str]:
    """The addresses a style sheet loads: url(…) and @import "…"."""
    return [match.group(2) or match.group(4) for match in CSS_URL.finditer(css)]


def third_party(url: str, host: str) -> bool:
    parts = urlsplit(url.strip())
    return bool(parts.netloc) and parts.netloc != host


class Page(HTMLParser):
    """The parts of a built page the tests look at."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.html_lang = None
        self.alternates: dict[str, str] = {}
        self.switcher: dict[str, str] = {}
        self.resources: list[str] = []  # URLs loaded without the reader asking
        self.ids: list[str] = []
        self.nav_links: list[str] = []
        self._in_nav = 0
        self._in_style = False
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "html":
            self.html_lang = a.get("lang")
        if tag == "link" and a.get("rel") == "alternate" and a.get("hreflang"):
            self.alternates[a["hreflang"]] = a["href"]
        if tag == "a" and "md-select__link" in (a.get("class") or ""):
            self.switcher[a["hreflang"]] = a["href"]
        if tag == "link" and set((a.get("rel") or "").lower().split()) & LOADING_RELS and a.get("href"):
            self.resources.append(a["href"])
        if tag in ("script", "img", "iframe", "source", "audio", "video", "embed", "track", "input"):
            self.resources += [a[name] for name in ("src", "poster") if a.get(name)]
        if tag == "object" and a.get("data"):
            self.resources.append(a["data"])
        if a.get("srcset"):  # "url 1x, url 2x": every candidate may be fetched
            self.resources += [part.split()[0] for part in a["srcset"].split(",") if part.strip()]
        if a.get("style"):
            self.resources += css_urls(a["style"])
        if tag == "style":
            self._in_style = True
        if a.get("id"):
            self.ids.append(a["id"])
        if tag == "nav" and "md-nav--primary" in (a.get("class") or ""):
            self._in_nav += 1
        if self._in_nav and tag == "a" and "md-nav__link" in (a.get("class") or ""):
            self.nav_links.append(a.get("href"))

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav" and self._in_nav:
            self._in_nav -= 1
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.resources += css_urls(data)


def page_file(site: Path, lang: str, path: str) -> Path:
    return site / LANG_PREFIX[lang] / path / "index.html"


def read_page(site: Path, lang: str, path: str) -> Page:
    file = page_file(site, lang, path)
    assert file.is_file(), f"missing page {file}"
    return Page(file.read_text("utf-8"))


DATA = load_data(ROOT)
RECORD_PATHS = [f"{section}/{record['id']}" for section in SECTION_IDS for record in DATA.sections[section]]


def test_every_record_has_a_page_in_every_language(built_site: Path) -> None:
    for path in RECORD_PATHS:
        for lang in LANG_PREFIX:
            page = read_page(built_site, lang, path)
            assert page.html_lang == lang, path


def test_switcher_leads_to_the_same_record(built_site: Path) -> None:
    for path in RECORD_PATHS + [f"{s}" for s in SECTION_IDS] + ["partnership", "about"]:
        for lang in LANG_PREFIX:
            page = read_page(built_site, lang, path)
            here = page_file(built_site, lang, path).parent
            assert set(page.switcher) == {"de", "ja", "en"}
            for other, href in page.switcher.items():
                target = (here / href).resolve()
                assert target == page_file(built_site, other, path).parent.resolve(), (
                    f"{lang}/{path}: switcher to {other} goes to {href}"
                )


def test_hreflang_alternates_are_absolute_with_x_default(built_site: Path) -> None:
    for path in [*RECORD_PATHS, *SECTION_IDS, "partnership", "translation-status"]:
        for lang in LANG_PREFIX:
            page = read_page(built_site, lang, path)
            expected = {other: f"{SITE_URL}{prefix}{path}/" for other, prefix in LANG_PREFIX.items()}
            expected["x-default"] = f"{SITE_URL}{path}/"
            assert page.alternates == expected
    for lang in LANG_PREFIX:
        home = read_page(built_site, lang, "")
        expected = {other: f"{SITE_URL}{other_prefix}" for other, other_prefix in LANG_PREFIX.items()}
        assert home.alternates == expected | {"x-default": SITE_URL}


def test_not_found_pages_name_no_alternates(built_site: Path) -> None:
    # Served at any address that does not exist: an alternate or canonical address
    # would tell search engines that the error page lives there.
    for lang, prefix in LANG_PREFIX.items():
        html = (built_site / prefix / "404.html").read_text("utf-8")
        page = Page(html)
        assert page.html_lang == lang
        assert page.alternates == {}
        assert 'rel="canonical"' not in html


def test_sitemap_lists_every_page_with_its_alternates(built_site: Path) -> None:
    sitemap = (built_site / "sitemap.xml").read_text("utf-8")
    for path in RECORD_PATHS:
        for prefix in LANG_PREFIX.values():
            assert f"<loc>{SITE_URL}{prefix}{path}/</loc>" in sitemap
    record = RECORD_PATHS[0]
    block = re.search(
        rf"<url>\s*<loc>{re.escape(SITE_URL + 'ja/' + record)}/</loc>.*?</url>", sitemap, re.DOTALL
    )
    assert block, "record missing from the sitemap"
    for lang, prefix in LANG_PREFIX.items():
        assert f'hreflang="{lang}" href="{SITE_URL}{prefix}{record}/"' in block.group(0)


def test_nav_holds_section_index_pages_not_records(built_site: Path) -> None:
    page = read_page(built_site, "en", RECORD_PATHS[0])
    targets = {
        (page_file(built_site, "en", RECORD_PATHS[0]).parent / href).resolve()
        for href in page.nav_links
        if href
    }
    sections = {(built_site / "en" / s).resolve() for s in SECTION_IDS}
    assert sections <= targets
    records = {(built_site / "en" / p).resolve() for p in RECORD_PATHS}
    assert not records & targets


def test_the_third_party_check_sees_every_way_a_page_loads_something() -> None:
    loads = [
        '<link rel="stylesheet" href="https://cdn.example/a.css">',
        '<link rel="shortcut icon" href="https://cdn.example/i.ico">',
        '<link rel="modulepreload" href="https://cdn.example/m.js">',
        '<link rel="manifest" href="//cdn.example/site.webmanifest">',
        '<script src="https://cdn.example/s.js"></script>',
        '<img src="x.png" srcset="x2.png 2x, https://cdn.example/x3.png 3x">',
        '<picture><source srcset="https://cdn.example/p.webp"></picture>',
        '<video poster="https://cdn.example/poster.jpg"></video>',
        '<embed src="https://cdn.example/e.swf">',
        '<object data="https://cdn.example/o.pdf"></object>',
        '<div style="background: url(https://cdn.example/bg.png)"></div>',
        "<style>@import 'https://cdn.example/i.css'; p { background: url(\"//cdn.example/b.png\") }</style>",
    ]
    for html in loads:
        found = [url for url in Page(html).resources if third_party(url, "site.example")]
        assert found, f"not seen: {html}"
    assert css_urls("a { b: url( 'https://cdn.example/f.woff2' ) } @import \"x.css\";") == [
        "https://cdn.example/f.woff2",
        "x.css",
    ]
    assert not [u for u in Page('<a href="https://elsewhere.example/">x</a>').resources]


def test_nothing_is_loaded_from_a_third_party(built_site: Path) -> None:
    host = urlsplit(SITE_URL).netloc
    for file in built_site.rglob("*.html"):
        page = Page(file.read_text("utf-8"))
        loaded = [url for url in page.resources if third_party(url, host)]
        assert not loaded, f"{file}: loads {loaded}"
    for css in built_site.rglob("*.css"):
        loaded = [url for url in css_urls(css.read_text("utf-8")) if third_party(url, host)]
        assert not loaded, f"{css}: loads {loaded}"


def test_japanese_headings_get_readable_ids(built_site: Path) -> None:
    page = read_page(built_site, "ja", "partnership")
    assert "年表" in page.ids
    assert not [i for i in page.ids if re.fullmatch(r"_\d+", i)]


def test_every_record_page_shows_sources_and_last_checked(built_site: Path) -> None:
    words = {"de": "Zuletzt geprüft", "ja": "最終確認日", "en": "Last checked"}
    for section in SECTION_IDS:
        for record in DATA.sections[section]:
            for lang in LANG_PREFIX:
                html = page_file(built_site, lang, f"{section}/{record['id']}").read_text("utf-8")
                assert words[lang] in html
                assert f'<time datetime="{record["updated"]}"' in html, (lang, record["id"])
                for source in record["sources"]:
                    assert f'href="{source["url"].replace("&", "&amp;")}"' in html


def test_not_found_pages_per_language(built_site: Path) -> None:
    assert Page((built_site / "404.html").read_text("utf-8")).html_lang == "de"
    for lang in ("ja", "en"):
        assert Page((built_site / lang / "404.html").read_text("utf-8")).html_lang == lang


def test_the_translators_guide_shows_the_glossary_in_all_languages(built_site: Path) -> None:
    for lang in LANG_PREFIX:
        html = page_file(built_site, lang, "contribute/translate").read_text("utf-8")
        for terms in (SECTIONS_GLOSSARY, KINDS, STATUSES):
            for key, texts in terms.items():
                for text_lang, text in texts.items():
                    shown = (
                        escape(text)
                        if text_lang == lang
                        else f'<span lang="{text_lang}">{escape(text)}</span>'
                    )
                    assert f"<td>{shown}</td>" in html, (lang, key, text_lang)


def see_also_links(html: str, lang: str) -> list[str]:
    """The links of a record page's "See also" list, as written."""
    heading = term(LABELS, "related", lang)
    part = re.search(rf">{re.escape(heading)}<.*?<ul>(.*?)</ul>", html, re.S)
    return re.findall(r'<a href="([^"]+)"', part.group(1)) if part else []


def test_see_also_links_both_ways_in_every_language(built_site: Path) -> None:
    pairs = [
        (f"{section}/{record['id']}", other)
        for section in SECTION_IDS
        for record in DATA.sections[section]
        for other in record.get("related", ())
    ]
    assert len(pairs) >= 10, "the shipped data relates records"
    for lang in LANG_PREFIX:
        for one, other in pairs:
            for page, target in ((one, other), (other, one)):
                links = see_also_links(page_file(built_site, lang, page).read_text("utf-8"), lang)
                resolved = {posixpath.normpath(posixpath.join(page, link)) for link in links}
                assert target in resolved, f"{lang}: {page} does not link to {target}: {links}"
    related = {key for pair in pairs for key in pair}
    unrelated = [key for key in RECORD_PATHS if key not in related]
    assert unrelated
    for key in unrelated:
        assert not see_also_links(page_file(built_site, "de", key).read_text("utf-8"), "de"), key


def facts_of(html: str) -> dict[str, str]:
    """A record page's fact list: term → description, as text."""
    pairs = re.findall(r"<dt>(.*?)</dt>\s*<dd>(.*?)</dd>", html, re.S)
    return {re.sub(r"<[^>]+>", "", dt).strip(): re.sub(r"<[^>]+>", "", dd).strip() for dt, dd in pairs}


def test_status_is_shown_only_for_places_not_yet_open(built_site: Path) -> None:
    records = DATA.sections["ecosystem"]
    by_status = {status: [r for r in records if r["status"] == status] for status in STATUSES}
    assert by_status["open"] and by_status["under-construction"], "the shipped data has both"
    for lang in LANG_PREFIX:
        status, opened = term(LABELS, "status", lang), term(LABELS, "opened", lang)
        for record in records:
            facts = facts_of(page_file(built_site, lang, f"ecosystem/{record['id']}").read_text("utf-8"))
            if record["status"] == "open":
                assert status not in facts, (lang, record["id"], facts)
                assert ("opened" in record) == (opened in facts), (lang, record["id"], facts)
            else:
                assert facts[status] == term(STATUSES, record["status"], lang), (lang, record["id"])


class ThemeControls(HTMLParser):
    """The names of a page's colour-scheme toggles and heading permalinks."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.html_lang: str | None = None
        self.toggles: set[str] = set()
        self.permalinks: set[str] = set()
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.html_lang = a.get("lang")
        if tag == "label" and a.get("for", "").startswith("__palette_"):
            self.toggles.add(a.get("title", ""))
            self.toggles.add(a.get("aria-label", a.get("title", "")))
        if tag == "a" and "headerlink" in a.get("class", "").split():
            self.permalinks.add(a.get("title", ""))


def test_theme_controls_are_named_in_the_pages_language(built_site: Path) -> None:
    pages = html_pages(built_site)
    permalinks_seen = {lang: 0 for lang in LANG_PREFIX}
    for file in pages:
        page = ThemeControls(file.read_text("utf-8"))
        lang = page.html_lang
        where = file.relative_to(built_site)
        toggles = {term(LABELS, "switch_to_dark", lang), term(LABELS, "switch_to_light", lang)}
        assert page.toggles == toggles, f"{where}: {page.toggles}"
        assert page.permalinks <= {term(LABELS, "permalink", lang)}, f"{where}: {page.permalinks}"
        permalinks_seen[lang] += bool(page.permalinks)
    assert all(count > 10 for count in permalinks_seen.values()), permalinks_seen


# --- builds of changed copies ----------------------------------------------


def edit_records(project: Path, section: str, change) -> None:
    path = project / "data" / f"{section}.yml"
    records = yaml.safe_load(path.read_text("utf-8"))
    change(records)
    path.write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False), "utf-8")


def test_markup_in_data_is_shipped_escaped(project_copy: Path, tmp_path: Path) -> None:
    attack = '<script>alert("x")</script><img src=x onerror=alert(1)> *bold* [l](javascript:x)'

    def inject(records: list[dict]) -> None:
        records[0]["title"]["en"] = "Title " + attack
        records[0]["summary"]["en"] = attack
        records[0]["body"] = {"en": attack + "\n\n" + attack}

    edit_records(project_copy, "cycling", inject)
    site = tmp_path / "site"
    result = run_mkdocs_build(project_copy, site)
    assert result.returncode == 0, result.stderr
    record = DATA.sections["cycling"][0]["id"]
    html = page_file(site, "en", f"cycling/{record}").read_text("utf-8")
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "<strong>bold" not in html and "<em>bold" not in html
    assert 'href="javascript' not in html
    assert "&lt;script&gt;alert" in html  # the text is still there, as text
    title = re.search(r"<title>(.*?)</title>", html, re.DOTALL).group(1)
    assert "<" not in title
    index = page_file(site, "en", "cycling").read_text("utf-8")
    assert "<script>alert" not in index


def test_missing_translation_falls_back_with_notice_and_lang(project_copy: Path, tmp_path: Path) -> None:
    def drop_japanese(records: list[dict]) -> None:
        for field in ("title", "summary", "body"):
            records[0].get(field, {}).pop("ja", None)

    edit_records(project_copy, "ecosystem", drop_japanese)
    (project_copy / "content" / "ja" / "about.md").unlink()
    site = tmp_path / "site"
    result = run_mkdocs_build(project_copy, site)
    assert result.returncode == 0, result.stderr
    record = DATA.sections["ecosystem"][0]
    html = page_file(site, "ja", f"ecosystem/{record['id']}").read_text("utf-8")
    assert "未翻訳の部分があります" in html
    fallback = re.search(r'<div data-pagefind-ignore="all" lang="en">', html)
    assert fallback, "fallen-back text is not marked as English and kept out of the search index"
    fallback_at = fallback.start()
    # the notice comes right after the title, and the fallen-back text is not indexed
    assert html.index("</h1>") < html.index("未翻訳の部分があります") < fallback_at
    about = page_file(site, "ja", "about").read_text("utf-8")
    english_about = (ROOT / "content" / "en" / "about.md").read_text("utf-8")
    english_title = re.search(r"^# (.+)$", english_about, re.M).group(1)
    assert re.search(rf'<h1[^>]*><span lang="en">{re.escape(english_title)}</span>', about), (
        "the English title of the fallen-back page is not marked as English"
    )
    assert re.search(r'<div [^>]*lang="en"', about)
    assert term(LABELS, "translation_notice_title", "ja") in about
    german = page_file(site, "de", f"ecosystem/{record['id']}").read_text("utf-8")
    assert term(LABELS, "translation_notice_title", "de") not in german


# Every step of every fallback chain (ja → en → de, en → de → ja, de → en → ja),
# written out here rather than read from the code that applies them.
CHAIN_SUMMARIES = [  # the summary a record has, and what each reader is shown
    ({"de": "ZQ1 de", "en": "ZQ1 en"}, {"ja": "en", "en": "en", "de": "de"}),
    ({"de": "ZQ2 de"}, {"ja": "de", "en": "de", "de": "de"}),
    ({"ja": "ZQ3 ja"}, {"ja": "ja", "en": "ja", "de": "ja"}),
    ({"en": "ZQ4 en", "ja": "ZQ4 ja"}, {"ja": "ja", "en": "en", "de": "en"}),
    ({"de": "ZQ5 de", "ja": "ZQ5 ja"}, {"ja": "ja", "en": "de", "de": "de"}),
]


def test_every_step_of_every_fallback_chain_in_a_real_build(project_copy: Path, tmp_path: Path) -> None:
    def set_summaries(records: list[dict]) -> None:
        for record, (summary, _) in zip(records, CHAIN_SUMMARIES, strict=False):
            record["summary"] = summary

    edit_records(project_copy, "ecosystem", set_summaries)
    # Editorial pages: about only in German (ja and en fall back to it); partnership
    # without German (de falls back to English); accessibility only in Japanese;
    # the home page without English (en falls back to German, not Japanese).
    (project_copy / "content" / "en" / "index.md").unlink()
    for lang in ("ja", "en"):
        (project_copy / "content" / lang / "about.md").unlink()
    (project_copy / "content" / "de" / "partnership.md").unlink()
    for lang in ("de", "en"):
        (project_copy / "content" / lang / "accessibility.md").unlink()
    site = tmp_path / "site"
    result = run_mkdocs_build(project_copy, site)
    assert result.returncode == 0, result.stderr

    for index, (summary, shown) in enumerate(CHAIN_SUMMARIES):
        record_id = DATA.sections["ecosystem"][index]["id"]
        for reader, text_lang in shown.items():
            html = page_file(site, reader, f"ecosystem/{record_id}").read_text("utf-8")
            text = summary[text_lang]
            assert text in html, (reader, record_id)
            for other in set(summary.values()) - {text}:
                assert other not in html, (reader, record_id, other)
            marked = re.search(rf'lang="{text_lang}"[^>]*>\s*(<p>)?{re.escape(text)}', html)
            notice = term(LABELS, "translation_notice_title", reader)
            if text_lang == reader:
                assert not marked and notice not in html, (reader, record_id)
            else:
                assert marked, f"{reader} page of {record_id}: {text!r} not marked as {text_lang}"
                assert notice in html, (reader, record_id)

    pages = {
        "about": {"ja": "de", "en": "de"},
        "partnership": {"de": "en"},
        "accessibility": {"de": "ja", "en": "ja"},
        "index": {"en": "de"},
    }
    for key, fallbacks in pages.items():
        for reader, source_lang in fallbacks.items():
            source = (ROOT / "content" / source_lang / f"{key}.md").read_text("utf-8")
            title = re.search(r"^# (.+)$", source, re.M).group(1)
            html = page_file(site, reader, "" if key == "index" else key).read_text("utf-8")
            assert re.search(rf'<h1[^>]*><span lang="{source_lang}">{re.escape(title)}</span>', html), (
                f"{reader} {key}: the {source_lang} title is not shown marked as {source_lang}"
            )
            assert term(LABELS, "translation_notice_title", reader) in html


def test_bad_data_stops_the_build_with_located_errors(project_copy: Path, tmp_path: Path) -> None:
    path = project_copy / "data" / "cycling.yml"
    text = path.read_text("utf-8")
    path.write_text(text.replace("kind: route", "kind: no", 1).replace('updated: "', "updated: ", 1))
    projects = project_copy / "data" / "projects.yml"
    projects.write_text(projects.read_text("utf-8") + "- id: x\n  id: y\n")
    site = tmp_path / "site"
    result = run_mkdocs_build(project_copy, site)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert re.search(r"data/cycling\.yml:\d+:\d+: [a-z0-9-]+\.kind: ", result.stderr), result.stderr
    assert re.search(r"data/projects\.yml:\d+:\d+: ", result.stderr)
    assert not site.exists() or not any(site.iterdir())


def test_bad_data_leaves_a_previous_build_untouched(project_copy: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert run_mkdocs_build(project_copy, site).returncode == 0
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    (project_copy / "data" / "cities.yml").write_text("- id: [unclosed\n")
    result = run_mkdocs_build(project_copy, site)
    assert result.returncode != 0
    assert "data/cities.yml:" in result.stderr
    after = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before


def test_operator_details_come_from_the_settings(project_copy: Path, tmp_path: Path) -> None:
    config = project_copy / "mkdocs.yml"
    text = config.read_text("utf-8")
    text = text.replace('    name: ""', '    name: "Muster <GmbH>"').replace(
        '    email: ""', '    email: "info@example.org"'
    )
    config.write_text(text, "utf-8")
    site = tmp_path / "site"
    result = run_mkdocs_build(project_copy, site)
    assert result.returncode == 0, result.stderr
    html = page_file(site, "en", "about").read_text("utf-8")
    assert "Muster &lt;GmbH&gt;" in html or "Muster &#60;GmbH&#62;" in html
    assert 'href="mailto:info@example.org"' in html


def test_marker_lines_in_code_blocks_stay_as_written() -> None:
    from kakehashi.site.editorial import EditorialPage, render_editorial

    page = EditorialPage(
        "guide",
        texts={"de": "# Titel\n\n```md\n<!-- kakehashi:timeline -->\n```\n\n<!-- kakehashi:timeline -->\n"},
    )
    rendered = render_editorial(page, "de", {"timeline": lambda key, lang, marker: "GENERATED"})
    assert rendered == "# Titel\n\n```md\n<!-- kakehashi:timeline -->\n```\n\nGENERATED\n"


def test_each_language_has_a_search_bundle_with_all_its_pages(built_site: Path) -> None:
    for lang in ("de", "ja", "en"):
        folder = built_site / lang if lang != "de" else built_site
        entry = json.loads((folder / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
        assert list(entry["languages"]) == [lang]
        bodies = [
            page
            for page in folder.rglob("index.html")
            if (lang != "de" or page.relative_to(built_site).parts[0] not in ("ja", "en"))
            and "data-pagefind-body" in page.read_text("utf-8")
        ]
        assert entry["languages"][lang]["page_count"] == len(bodies) > 40
        # The search dialog of the language's pages loads that bundle.
        home = (folder / "index.html").read_text("utf-8")
        bundle = re.search(r'data-bundle="([^"]+)"', home)
        assert bundle, lang
        home_path = "/" if lang == "de" else f"/{lang}/"
        assert posixpath.normpath(posixpath.join(home_path, bundle.group(1))) == home_path + "pagefind"


def test_the_html_made_whole_reaches_every_page_without_its_lines(built_site: Path) -> None:
    # The pictures and map blocks went through the renderer as they are, and the lines
    # that mark them for it are gone from every page.
    pages = html_pages(built_site)
    marked = [p for p in pages if "kakehashi:html" in p.read_text("utf-8")]
    assert marked == []
    route = (built_site / "cycling" / "springorum-trasse" / "index.html").read_text("utf-8")
    assert route.count('<figure class="kk-map kk-map--route"') == 1
    assert '<ul class="kk-map__links">' in route and '<div class="kk-livemap"' in route
    assert "<p><figure" not in route and "<p><div" not in route
