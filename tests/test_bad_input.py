"""Bad data as editors write it, and the exact lines they read back.

Each case breaks the small fixture project (tests/fixtures/mini) in one way
and asserts the complete list of problems, ``file:line:col: field: message``.
tests/test_validation.py holds the first variant of several kinds (a 'no'
where text belongs, one octal number, ...); the cases here are other variants
of those kinds and the kinds it does not cover.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, copy_project, page_to_html
from kakehashi.site.whole_site import load_site
from kakehashi.sources.loader import load_data
from kakehashi.sources.problems import SourceProblems
from kakehashi.sources.yaml_source import MAX_DEPTH, MAX_FILE_BYTES

MINI = Path(__file__).parent / "fixtures" / "mini"
SCHEMA = ROOT / "data" / "schema"


def mini_project(tmp_path: Path) -> Path:
    shutil.copytree(MINI / "data", tmp_path / "data")
    return tmp_path


def problems(project: Path) -> list[str]:
    with pytest.raises(SourceProblems) as raised:
        load_data(project, SCHEMA)
    return [str(problem) for problem in raised.value.problems]


def problems_after_edit(tmp_path: Path, file: str, old: str, new: str) -> list[str]:
    project = mini_project(tmp_path)
    path = project / "data" / file
    text = path.read_text("utf-8")
    assert old in text, f"the fixture does not contain {old!r}"
    path.write_text(text.replace(old, new, 1), "utf-8")
    return problems(project)


def problems_of_bytes(tmp_path: Path, file: str, data: bytes) -> list[str]:
    project = mini_project(tmp_path)
    (project / "data" / file).write_bytes(data)
    return problems(project)


TITLE = "title: {de: Testroute, ja: テストルート, en: Test route}"
SOURCE = '{url: "https://example.org/route", title: ルート, lang: ja}'

CASES = [
    pytest.param(
        "ecosystem.yml",
        '  sources:\n    - {url: "https://example.org/zentrum"',
        "  related: [ecosystem/no-such-centre, ecosystem/test-centre, cycling/test-route, parks/x]\n"
        '  sources:\n    - {url: "https://example.org/zentrum"',
        [
            "data/ecosystem.yml:11:13: test-centre.related[1]: there is no record 'no-such-centre' in "
            "data/ecosystem.yml",
            "data/ecosystem.yml:11:39: test-centre.related[2]: a record cannot be related to itself",
            "data/ecosystem.yml:11:82: test-centre.related[4]: write the section and the id of the record, "
            "e.g. ecosystem/mark-51-7 (sections: projects, ecosystem, cycling, disaster-prevention) "
            "(found 'parks/x')",
        ],
        id="see-also-names-a-missing-record-itself-or-no-section",
    ),
    pytest.param(
        "cycling.yml",
        "title: {de: Testroute,",
        "title: {de: Testroute",
        [
            "data/cycling.yml:7:27: YAML syntax error: did not find expected ',' or '}' "
            "(while parsing a flow mapping)"
        ],
        id="syntax-error-unclosed-brace",
    ),
    pytest.param(
        "cycling.yml",
        'updated: "2026-11-27"',
        'updated: "2026-11-27',
        [
            "data/cycling.yml:17:12: this quotation mark is never closed; end the text with the "
            "same quotation mark"
        ],
        id="syntax-error-unclosed-quote-points-at-the-quote",
    ),
    pytest.param(
        "disaster-prevention.yml",
        "  address: {de: Teststraße 1, ja: テスト通り1, en: Teststraße 1}",
        "  address:\n    de: Hinweis: Teststraße 1",
        [
            "data/disaster-prevention.yml:7:16: a colon and a space (': ') inside a text without "
            "quotes; put the whole text in quotes"
        ],
        id="syntax-error-colon-in-unquoted-text",
    ),
    pytest.param(
        "cycling.yml",
        "      First paragraph",
        "\t  First paragraph",
        ["data/cycling.yml:11:1: a tab character: YAML indentation must use spaces, not tabs"],
        id="tab-indentation-in-a-block-text",
    ),
    pytest.param(
        "cycling.yml",
        TITLE,
        "title: Testroute",
        [
            "data/cycling.yml:7:10: test-route.title: expected the text per language "
            "(de:, ja:, en:), found 'Testroute'"
        ],
        id="wrong-type-text-instead-of-languages",
    ),
    pytest.param(
        "cycling.yml",
        "lat: 36.0779222",
        'lat: "36.0779222"',
        ["data/cycling.yml:14:19: test-route.location.lat: expected a number, found '36.0779222'"],
        id="wrong-type-quoted-number",
    ),
    pytest.param(
        "cycling.yml",
        f"  sources:\n    - {SOURCE}\n",
        "",
        ["data/cycling.yml:2:3: test-route.sources: the required field 'sources' is missing"],
        id="missing-required-field-sources",
    ),
    pytest.param(
        "cycling.yml",
        '{url: "https://example.org/route", title',
        "{title",
        ["data/cycling.yml:16:7: test-route.sources[1].url: the required field 'url' is missing"],
        id="missing-required-field-in-a-source",
    ),
    pytest.param(
        "cycling.yml",
        "title: {de: Testroute,",
        "title: {de: Testroute, de: Zweite Route,",
        [
            "data/cycling.yml:7:26: test-route.title.de: 'de' is given twice in the same place "
            "(first on line 7); keep one"
        ],
        id="duplicate-key-language",
    ),
    pytest.param(
        "ecosystem.yml",
        "city: bochum",
        "city: Bochum",
        [
            "data/ecosystem.yml:3:9: test-centre.city: unknown city 'Bochum'; cities are defined in "
            "data/cities.yml: bochum, tsukuba"
        ],
        id="unknown-city-capitalized",
    ),
    pytest.param(
        "cycling.yml",
        "ja: テストルート",
        "jp: テストルート",
        ["data/cycling.yml:7:26: test-route.title.jp: unknown language 'jp'; languages are de, ja and en"],
        id="unknown-language-key-jp",
    ),
    pytest.param(
        "cycling.yml",
        "kind: route-section",
        "kind: on",
        [
            "data/cycling.yml:4:9: test-route.kind: 'on', which YAML reads as true (yes/no) is not "
            "allowed; use one of: route, route-section, facility"
        ],
        id="yaml11-boolean-on",
    ),
    pytest.param(
        "ecosystem.yml",
        "status: planned",
        "status: yes",
        [
            "data/ecosystem.yml:5:11: test-centre.status: 'yes', which YAML reads as true (yes/no) "
            "is not allowed; use one of: open, under-construction, planned"
        ],
        id="yaml11-boolean-yes",
    ),
    pytest.param(
        "cycling.yml",
        "en: Test route}",
        "en: Off}",
        [
            "data/cycling.yml:7:42: test-route.title.en: expected text, found 'Off', which YAML "
            'reads as false (yes/no); put it in quotes: "Off"'
        ],
        id="yaml11-boolean-off",
    ),
    pytest.param(
        "cycling.yml",
        "title: {de: Testroute,",
        "title: {de: 0755,",
        [
            "data/cycling.yml:7:15: test-route.title.de: expected text, found '0755', which YAML "
            'reads as the number 493; put it in quotes: "0755"'
        ],
        id="octal-looking-number",
    ),
    pytest.param(
        "cycling.yml",
        "title: {de: Testroute,",
        "title: {de: 1:30,",
        [
            "data/cycling.yml:7:15: test-route.title.de: expected text, found '1:30', which YAML "
            'reads as the number 90; put it in quotes: "1:30"'
        ],
        id="time-looking-number",
    ),
    pytest.param(
        "projects.yml",
        'date: "2025-04-22"',
        "date: 2025-04-22",
        [
            "data/projects.yml:4:9: test-visit.date: expected text, found the unquoted date "
            '2025-04-22; put it in quotes: "2025-04-22"'
        ],
        id="unquoted-date",
    ),
    pytest.param(
        "projects.yml",
        'date: "2025-04-22"',
        "date: 2025",
        [
            "data/projects.yml:4:9: test-visit.date: expected text, found the number 2025; "
            'put it in quotes: "2025"'
        ],
        id="unquoted-year",
    ),
    pytest.param(
        "cycling.yml",
        'updated: "2026-11-27"',
        'updated: "27.11.2026"',
        [
            'data/cycling.yml:17:12: test-route.updated: write a date as "YYYY-MM-DD" in quotes, '
            "e.g. \"2025-04-23\" (found '27.11.2026')"
        ],
        id="date-in-german-form",
    ),
    pytest.param(
        "cycling.yml",
        'updated: "2026-11-27"',
        'updated: "2026-11"',
        [
            'data/cycling.yml:17:12: test-route.updated: write a date as "YYYY-MM-DD" in quotes, '
            "e.g. \"2025-04-23\" (found '2026-11')"
        ],
        id="date-without-day-where-a-day-is-needed",
    ),
    pytest.param(
        "cycling.yml",
        'updated: "2026-11-27"',
        'updated: "2026-13-01"',
        ["data/cycling.yml:17:12: test-route.updated: '2026-13-01' is not a calendar date"],
        id="impossible-month",
    ),
    pytest.param(
        "projects.yml",
        'date: "2025-04-22"',
        "date: 2025-02-30",
        [
            "data/projects.yml:4:9: test-visit.date: '2025-02-30' is not a calendar date; write "
            'dates in quotes, e.g. "2025-04-23"'
        ],
        id="impossible-unquoted-date",  # used to crash the loader with a ValueError
    ),
    pytest.param(
        "cycling.yml",
        "https://example.org/route",
        "JavaScript:alert(document.cookie)",
        [
            "data/cycling.yml:16:13: test-route.sources[1].url: only web addresses starting with "
            "https:// or http://, or mailto:, are allowed (found 'JavaScript:alert(document.cookie)')"
        ],
        id="javascript-url-mixed-case",
    ),
    pytest.param(
        "cycling.yml",
        '"https://example.org/route"',
        '"data:text/html,<script>alert(1)</script>"',
        [
            "data/cycling.yml:16:13: test-route.sources[1].url: only web addresses starting with "
            "https:// or http://, or mailto:, are allowed (found 'data:text/html,<script>alert(1)</script>')"
        ],
        id="data-url",
    ),
    pytest.param(
        "cycling.yml",
        "- id: test-route\n",
        "- id: test-route\n  tags: !!python/object/apply:os.system [echo hacked]\n",
        [
            "data/cycling.yml:3:9: test-route.tags: the YAML tag '!!python/object/apply:os.system' "
            "is not allowed here; write the value without it"
        ],
        id="python-tag",
    ),
    pytest.param(
        "cycling.yml",
        "en: Test route}",
        'en: "Test\\aroute"}',
        ["data/cycling.yml:7:42: test-route.title.en: an invisible control character (U+0007); delete it"],
        id="escaped-control-character",
    ),
    pytest.param(
        "cycling.yml",
        "lat: 36.0779222",
        "lat: .nan",
        [
            "data/cycling.yml:14:19: test-route.location.lat: '.nan' is not a number that can be "
            "shown; write a number"
        ],
        id="not-a-number",
    ),
    pytest.param(
        "cycling.yml",
        "lat: 36.0779222",
        "lat: " + "9" * 5000,
        ["data/cycling.yml:14:19: test-route.location.lat: this number has too many digits"],
        id="number-with-thousands-of-digits",  # used to crash the loader with a ValueError
    ),
    pytest.param(
        "cycling.yml",
        "- id: test-route\n",
        "routes:\n- id: test-route\n",
        ["data/cycling.yml:2:1: expected a list (lines starting with '- '), found a mapping"],
        id="top-level-mapping-a-key-above-the-list",
    ),
    pytest.param(
        "cycling.yml",
        "    rail_end: {published: false}\n",
        "    rail_end: {published: false}\n- just a line of text\n",
        [
            "data/cycling.yml:30:3: [2]: expected a mapping of fields (name: value), "
            "found 'just a line of text'"
        ],
        id="record-that-is-not-a-mapping",
    ),
    pytest.param(
        "cycling.yml",
        '  updated: "2026-11-27"\n',
        '  updated: "2026-11-27"\n---\n- id: second-route\n',
        [
            "data/cycling.yml:18:1: a second YAML document starts here ('---'); a data file holds "
            "one list of records: remove this line and add the records below it to the list"
        ],
        id="multiple-documents",
    ),
]


@pytest.mark.parametrize(("file", "old", "new", "expected"), CASES)
def test_editor_reads_exactly(tmp_path: Path, file: str, old: str, new: str, expected: list[str]) -> None:
    assert problems_after_edit(tmp_path, file, old, new) == expected


def test_a_missing_file_does_not_hide_a_wrong_see_also_elsewhere(tmp_path: Path) -> None:
    project = mini_project(tmp_path)
    (project / "data" / "cycling.yml").unlink()
    path = project / "data" / "ecosystem.yml"
    old = '  sources:\n    - {url: "https://example.org/zentrum"'
    text = path.read_text("utf-8")
    path.write_text(text.replace(old, "  related: [projects/no-such-visit]\n" + old, 1), "utf-8")
    assert problems(project) == [
        "data/cycling.yml:1:1: the file is missing",
        "data/ecosystem.yml:11:13: test-centre.related[1]: there is no record 'no-such-visit' in "
        "data/projects.yml",
    ]


def test_duplicate_id_far_apart_names_the_first_line(tmp_path: Path) -> None:
    project = mini_project(tmp_path)
    path = project / "data" / "cycling.yml"
    text = path.read_text("utf-8")
    other = text.split("\n", 1)[1].replace("id: test-route", "id: other-route", 1)
    path.write_text(text + other + text.split("\n", 1)[1], "utf-8")
    assert problems(project) == [
        "data/cycling.yml:58:7: test-route.id: the id 'test-route' is already used on line 2; "
        "ids must be unique in a file"
    ]


def test_top_level_mapping_a_record_without_the_dash(tmp_path: Path) -> None:
    text = (MINI / "data" / "cycling.yml").read_text("utf-8")
    mapping = "\n".join(
        line[2:] if line.startswith("  ") else line.removeprefix("- ") for line in text.split("\n")
    )
    assert problems_of_bytes(tmp_path, "cycling.yml", mapping.encode()) == [
        "data/cycling.yml:2:1: expected a list (lines starting with '- '), found a mapping"
    ]


def test_billion_laughs_is_refused_before_it_expands(tmp_path: Path) -> None:
    # Ten levels of ten aliases each: 10^10 strings if expanded.
    lines = ["- id: lol0", '  title: {de: &a0 "lol"}']
    lines += [f"  l{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 11)]
    project = mini_project(tmp_path)
    (project / "data" / "cycling.yml").write_text("\n".join(lines) + "\n", "utf-8")
    started = time.perf_counter()
    found = problems(project)
    print(f"alias bomb refused in {time.perf_counter() - started:.3f} s")
    message = "anchors and aliases (&name, *name) are not supported here: write the value out"
    # one problem per line holding aliases, at its first alias
    assert found == [
        f"data/cycling.yml:{i + 2}:{len(f'  l{i}: &a{i} [') + 1}: {message}" for i in range(1, 11)
    ]


def test_not_utf8_points_at_the_byte(tmp_path: Path) -> None:
    data = (MINI / "data" / "disaster-prevention.yml").read_bytes()
    latin1 = data.replace("Süd".encode(), "Süd".encode("latin-1"))
    assert problems_of_bytes(tmp_path, "disaster-prevention.yml", latin1) == [
        "data/disaster-prevention.yml:5:19: the file is not UTF-8 text (byte 0xfc); "
        "save it with the encoding UTF-8"
    ]


def test_control_character_points_at_the_character(tmp_path: Path) -> None:
    # After Japanese text on line 6: libyaml counts this error's position in bytes.
    data = (MINI / "data" / "cycling.yml").read_bytes().replace(b"Testroute", b"Test\x07route", 1)
    assert problems_of_bytes(tmp_path, "cycling.yml", data) == [
        "data/cycling.yml:7:19: an invisible control character (U+0007); delete it"
    ]


def test_byte_order_mark_and_windows_line_endings_are_accepted(tmp_path: Path) -> None:
    data = (MINI / "data" / "cycling.yml").read_bytes().replace(b"\n", b"\r\n")
    project = mini_project(tmp_path)
    (project / "data" / "cycling.yml").write_bytes(b"\xef\xbb\xbf" + data)
    assert load_data(project, SCHEMA).sections["cycling"][0]["title"]["ja"] == "テストルート"
    # and positions count neither the mark nor the carriage returns
    (project / "data" / "cycling.yml").write_bytes(
        b"\xef\xbb\xbf" + data.replace(b"kind: route-section", b"kind: rout")
    )
    assert problems(project) == [
        "data/cycling.yml:4:9: test-route.kind: 'rout' is not allowed; "
        "use one of: route, route-section, facility"
    ]


@pytest.mark.parametrize("content", [b"", b"\n  \n", b"---\n", b"# only a comment\n---\n# and another\n"])
def test_empty_files(tmp_path: Path, content: bytes) -> None:
    assert problems_of_bytes(tmp_path, "projects.yml", content) == [
        "data/projects.yml:1:1: the file is empty"
    ]


def test_very_large_file_is_refused_unread(tmp_path: Path) -> None:
    project = mini_project(tmp_path)
    with (project / "data" / "cycling.yml").open("wb") as file:
        file.truncate(MAX_FILE_BYTES + 1)  # sparse: large on paper, quick to make
    assert problems(project) == [
        f"data/cycling.yml:1:1: the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB; split it up"
    ]


def test_deeply_nested_values(tmp_path: Path) -> None:
    nested = "[" * (MAX_DEPTH + 1) + "x" + "]" * (MAX_DEPTH + 1)
    assert problems_after_edit(
        tmp_path, "cycling.yml", "title: {de: Testroute,", f"title: {{de: {nested},"
    ) == [f"data/cycling.yml:7:{15 + MAX_DEPTH - 3}: values are nested more than {MAX_DEPTH} deep"]


def test_extremely_deep_nesting_does_not_crash(tmp_path: Path) -> None:
    # 200 KB of brackets used to crash the whole process inside libyaml's
    # composer (a segmentation fault); run apart so a relapse cannot take pytest down.
    project = mini_project(tmp_path)
    depth = 100_000
    (project / "data" / "cycling.yml").write_text("- " + "[" * depth + "]" * depth + "\n", "utf-8")
    script = (
        "import sys; from pathlib import Path; from kakehashi.sources.loader import load_data\n"
        "from kakehashi.sources.problems import SourceProblems\n"
        "try: load_data(Path(sys.argv[1]), Path(sys.argv[2]))\n"
        "except SourceProblems as e: print(*e.problems, sep='\\n')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(project), str(SCHEMA)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"data/cycling.yml:1:{MAX_DEPTH + 2}: values are nested more than {MAX_DEPTH} deep"
    ]


def test_unreadable_cities_do_not_make_every_city_unknown(tmp_path: Path) -> None:
    project = mini_project(tmp_path)
    (project / "data" / "cities.yml").write_text("- id: [unclosed\n", "utf-8")
    assert problems(project) == [
        "data/cities.yml:2:1: YAML syntax error: did not find expected ',' or ']' "
        "(while parsing a flow sequence)"
    ]


def test_raw_html_in_text_builds_and_ships_escaped(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    path = project / "data" / "cycling.yml"
    attack = '<script>alert("x")</script><img src=x onerror=alert(1)> <b>fett</b> &amp; <!-- c -->'
    text = path.read_text("utf-8")
    first_title = text.index("  title:\n    de: ")
    start = first_title + len("  title:\n    de: ")
    end = text.index("\n", start)
    path.write_text(text[:start] + f"'{attack}'" + text[end:], "utf-8")
    site = load_site(project)
    record = site.data.sections["cycling"][0]
    assert record["title"]["de"] == attack
    markdown = site.markdown(f"cycling/{record['id']}", "de")
    # The page's own script (the map's, loaded from the site) is the only one.
    own_script = re.compile(r'<script src="[./]*assets/javascripts/map\.js" defer></script>')
    markdown = own_script.sub("", markdown)
    assert "<script" not in markdown and "<img" not in markdown and "<b>" not in markdown
    page, meta = page_to_html(markdown)
    assert "<script" not in page and "<img" not in page and "<b>" not in page and "<!--" not in page
    heading = page[page.index("<h1") : page.index("</h1>")]
    assert html.unescape(heading).count(attack) == 1  # shown as the text it is
    assert html.unescape(meta["title"]) == attack


def test_basics_without_their_sources_are_refused(tmp_path: Path) -> None:
    lines = problems_after_edit(
        tmp_path,
        "disaster-prevention.yml",
        "  basics_sources:\n"
        '    - {url: "https://example.org/notruf?a=1&b=2", title: "Notruf <112>", lang: de}\n',
        "",
    )
    assert lines == [
        "data/disaster-prevention.yml:2:3: test-shelter.basics_sources: "
        "the field 'basics_sources' is missing; it goes with 'basics'"
    ]


def test_a_second_record_with_a_citys_basics_is_refused(tmp_path: Path) -> None:
    project = mini_project(tmp_path)
    path = project / "data" / "disaster-prevention.yml"
    text = path.read_text("utf-8")
    second = text.split("\n", 1)[1].replace("id: test-shelter", "id: test-shelter-2")
    path.write_text(text + second, "utf-8")
    assert problems(project) == [
        "data/disaster-prevention.yml:28:3: test-shelter-2.basics: the basics of 'bochum' are already "
        "on line 12; one record per city holds them"
    ]
