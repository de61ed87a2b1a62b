"""The data files under /data/ and their catalogue page, read back as their users read them.

One build of a copy of the project, with a licence of its own in mkdocs.yml, a
record title that is a spreadsheet formula and markup, and a city name that
tries to end the JSON-LD script: each file is loaded with ``json`` or ``csv``
and compared with the records the loader reads from the same copy.
"""

from __future__ import annotations

import csv
import io
import json
import re
from html import unescape
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest
from jsonschema import Draft7Validator
from pyld import jsonld
from referencing import Registry, Resource

from conftest import ROOT, build, copy_project
from kakehashi.editor import project as project_settings
from kakehashi.site import formatting
from kakehashi.site.data_catalogue import json_ld_script
from kakehashi.site.languages import LANGUAGES
from kakehashi.site.open_data import OpenDataSettings, dataset_records, export_datasets
from kakehashi.site.whole_site import load_site
from kakehashi.sources.loader import SECTION_IDS, Data, load_data
from kakehashi.sources.problems import SourceProblems

SITE_URL = "https://bochum-tsukuba.example.org/"
LICENCE = ("Datenlizenz Deutschland – Namensnennung – 2.0", "https://www.govdata.de/dl-de/by-2-0")
HOSTILE_TITLE = '=HYPERLINK("https://example.org/x") </script><script>alert(1)</script> & <b>bold</b>'
HOSTILE_CITY = "Tokyo </script><!-- <img src=x onerror=alert(1)> & more"
DATASETS = ("cities", "projects", "ecosystem", "cycling", "disaster-prevention", "events")
CATALOGUE_PAGES = {"de": "data/index.html", "ja": "ja/data/index.html", "en": "en/data/index.html"}


def _replace_once(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert text.count(old) >= 1, old
    path.write_text(text.replace(old, new, 1), "utf-8")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("open-data-project"))
    yaml_text = lambda text: "'" + text.replace("'", "''") + "'"  # noqa: E731 - a local shorthand
    _replace_once(
        project / "data" / "cycling.yml",
        '    de: "Tsukuba-Kasumigaura Ring Ring Road"',
        f"    de: {yaml_text(HOSTILE_TITLE)}",
    )
    _replace_once(project / "data" / "cities.yml", '    en: "Tokyo"', f"    en: {yaml_text(HOSTILE_CITY)}")
    _replace_once(
        project / "mkdocs.yml",
        "    name: CC BY 4.0\n    url: https://creativecommons.org/licenses/by/4.0/\n",
        f"    name: {LICENCE[0]}\n    url: {LICENCE[1]}\n",
    )
    return project


@pytest.fixture(scope="module")
def site(project: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    site_dir = tmp_path_factory.mktemp("open-data-site")
    build(project, site_dir)
    return site_dir


@pytest.fixture(scope="module")
def sources(project: Path) -> dict[str, list[dict]]:
    return dataset_records(load_data(project))


# --- the files ---------------------------------------------------------------


@pytest.mark.build
def test_every_dataset_is_published_in_each_format(site: Path, sources: dict[str, list[dict]]) -> None:
    assert tuple(sources) == DATASETS
    names = {path.name for path in (site / "data").iterdir()}
    for name in DATASETS:
        assert {f"{name}.json", f"{name}.csv", f"{name}.schema.json"} <= names
    assert "common.schema.json" in names


@pytest.mark.build
@pytest.mark.parametrize("name", DATASETS)
def test_json_holds_every_record_as_in_the_yaml_with_its_metadata(
    site: Path, sources: dict[str, list[dict]], name: str
) -> None:
    document = json.loads((site / "data" / f"{name}.json").read_bytes().decode("utf-8"))
    records = sources[name]
    assert document["records"] == records
    assert document["dataset"] == name
    assert document["record_count"] == len(records)
    assert document["updated"] == max(record["updated"] for record in records)
    assert document["licence"] == {"name": LICENCE[0], "url": LICENCE[1]}
    assert document["source"] == SITE_URL
    assert document["schema"] == f"{SITE_URL}data/{name}.schema.json"
    assert set(document["title"]) == set(LANGUAGES)


def _expected_cells(value: Any, name: str) -> dict[str, Any]:
    """The CSV cells of a record's field as the catalogue page documents them."""
    if isinstance(value, dict):
        if set(value) <= set(LANGUAGES):
            return {f"{name}_{lang}": value.get(lang, "") for lang in LANGUAGES}
        cells: dict[str, Any] = {}
        for key, part in value.items():
            cells.update(_expected_cells(part, f"{name}_{key}"))
        return cells
    return {name: value}


def _read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8-sig", newline="") as file:
        reader = csv.DictReader(file)
        return list(reader.fieldnames or []), list(reader)


@pytest.mark.build
@pytest.mark.parametrize("name", DATASETS)
def test_csv_has_every_field_of_every_record_in_its_columns(
    site: Path, sources: dict[str, list[dict]], name: str
) -> None:
    path = site / "data" / f"{name}.csv"
    content = path.read_bytes()
    records = sources[name]
    # For spreadsheet programs: a byte order mark, and CRLF after the header and every row
    # (line breaks inside quoted cells are the text's own).
    assert content.startswith(b"\xef\xbb\xbf")
    assert content.endswith(b"\r\n")
    assert content.count(b"\r\n") == len(records) + 1
    header, rows = _read_csv(path)
    assert len(header) == len(set(header))
    assert header[-2:] == ["licence", "licence_url"]
    assert len(rows) == len(records)
    for record, row in zip(records, rows, strict=True):
        assert (row["licence"], row["licence_url"]) == LICENCE
        expected: dict[str, Any] = {}
        for field, value in record.items():
            expected.update(_expected_cells(value, field))
        for column, value in expected.items():
            cell = row[column]
            if isinstance(value, str):
                assert cell == value, (record["id"], column)
            else:  # numbers, true/false, lists: JSON in the cell
                assert json.loads(cell) == value, (record["id"], column)
        others = {column for column in header if column not in expected and not column.startswith("licence")}
        assert all(row[column] == "" for column in others), record["id"]


@pytest.mark.build
def test_csv_has_a_column_per_language_of_each_localized_field(site: Path) -> None:
    header, _ = _read_csv(site / "data" / "cycling.csv")
    for field in ("title", "summary", "body", "unverified", "location_label"):
        assert [column for column in header if column.startswith(f"{field}_")][:3] == [
            f"{field}_{lang}" for lang in LANGUAGES
        ]
    assert header[0] == "id"
    assert {"location_lat", "location_lon", "location_precision", "sources", "related"} <= set(header)


@pytest.mark.build
@pytest.mark.parametrize("name", DATASETS)
def test_the_schema_beside_the_data_validates_its_records(site: Path, project: Path, name: str) -> None:
    schema_path = site / "data" / f"{name}.schema.json"
    assert schema_path.read_bytes() == (project / "data" / "schema" / f"{name}.schema.json").read_bytes()
    # Resolved as a reader's validator resolves it: by address, common.schema.json beside it.
    base = f"{SITE_URL}data/"
    registry = Registry().with_resources(
        (base + file, Resource.from_contents(json.loads((site / "data" / file).read_bytes())))
        for file in (f"{name}.schema.json", "common.schema.json")
    )
    validator = Draft7Validator({"$ref": f"{base}{name}.schema.json"}, registry=registry)
    records = json.loads((site / "data" / f"{name}.json").read_bytes())["records"]
    assert list(validator.iter_errors(records)) == []
    broken = [{**records[0], "id": "Not An Id", "updated": "yesterday"}, *records[1:]]
    assert len(list(validator.iter_errors(broken))) == 2


@pytest.mark.build
def test_a_hostile_title_is_intact_in_the_files(site: Path) -> None:
    cycling = json.loads((site / "data" / "cycling.json").read_bytes())
    assert cycling["records"][0]["title"]["de"] == HOSTILE_TITLE
    _, rows = _read_csv(site / "data" / "cycling.csv")
    # Kept as the record has it, leading "=" and all (the catalogue page says why).
    assert rows[0]["title_de"] == HOSTILE_TITLE
    cities = json.loads((site / "data" / "cities.json").read_bytes())
    assert HOSTILE_CITY in [city["name"]["en"] for city in cities["records"]]


# --- the catalogue page ------------------------------------------------------


def _json_ld(html: str) -> str:
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    assert len(scripts) == 1
    return scripts[0]


def _no_network(url: str, options: Any = None) -> Any:
    raise AssertionError(f"the JSON-LD made the parser fetch {url}")


DCAT = "http://www.w3.org/ns/dcat#"
DCT = "http://purl.org/dc/terms/"


@pytest.mark.build
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_catalogue_carries_dcat_metadata_a_harvester_can_read(site: Path, lang: str) -> None:
    text = _json_ld((site / CATALOGUE_PAGES[lang]).read_text("utf-8"))
    assert "<" not in text and ">" not in text
    expanded = jsonld.expand(json.loads(text), {"documentLoader": _no_network})
    nodes = jsonld.flatten(expanded, None, {"documentLoader": _no_network})
    by_type: dict[str, list[dict]] = {}
    for node in nodes:
        for kind in node.get("@type", []):
            by_type.setdefault(kind, []).append(node)
    assert len(by_type[DCAT + "Catalog"]) == 1
    datasets = by_type[DCAT + "Dataset"]
    assert len(datasets) == len(DATASETS)
    for dataset in datasets:
        assert {title["@language"] for title in dataset[DCT + "title"]} == set(LANGUAGES)
    # Where a reader sees each dataset: its section's list, the events page, else the catalogue.
    landing = {d[DCT + "identifier"][0]["@value"]: d[DCAT + "landingPage"][0]["@id"] for d in datasets}
    assert landing == {
        "cities": f"{SITE_URL}data/",
        **{section: f"{SITE_URL}{section}/" for section in SECTION_IDS},
        "events": f"{SITE_URL}events/",
    }
    distributions = by_type[DCAT + "Distribution"]
    downloads = {d[DCAT + "downloadURL"][0]["@id"] for d in distributions}
    assert downloads == {f"{SITE_URL}data/{name}.{ext}" for name in DATASETS for ext in ("json", "csv")}
    for distribution in distributions:
        assert distribution[DCT + "license"] == [{"@id": LICENCE[1]}]
        assert distribution[DCAT + "mediaType"][0]["@id"].endswith(("/application/json", "/text/csv"))
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", distribution[DCT + "modified"][0]["@value"])
        assert {title["@language"] for title in distribution[DCT + "title"]} == set(LANGUAGES)
        path = distribution[DCAT + "downloadURL"][0]["@id"].removeprefix(SITE_URL)
        assert int(distribution[DCAT + "byteSize"][0]["@value"]) == (site / path).stat().st_size


@pytest.mark.build
def test_a_hostile_city_name_cannot_leave_the_json_ld_script(site: Path) -> None:
    html = (site / CATALOGUE_PAGES["en"]).read_text("utf-8")
    script = _json_ld(html)
    assert "Tokyo \\u003c/script\\u003e\\u003c!-- \\u003cimg" in script
    labels = [
        label["@value"]
        for node in jsonld.expand(json.loads(script), {"documentLoader": _no_network})[0][DCAT + "dataset"]
        for place in node.get(DCT + "spatial", [])
        for label in place.get("http://www.w3.org/2004/02/skos/core#prefLabel", [])
    ]
    assert HOSTILE_CITY in labels
    # Shown as text where the page names the cities of a dataset.
    shown = [unescape(line) for line in re.findall(r"Cities: ([^\n]*?)</p>", html)]
    # Every dataset with records in Tokyo (the cities themselves, projects, …) names it so.
    in_tokyo = [line for line in shown if "Tokyo" in line]
    assert len(in_tokyo) >= 3 and set(in_tokyo) == {f"Bochum, Tsukuba, {HOSTILE_CITY}"}
    assert "<img src=x" not in html and "<!-- <img" not in html
    assert "alert(1)</script>" not in html and HOSTILE_TITLE not in html


_FILE_ROW = re.compile(
    r'<td><a href="(?P<href>[^"]+)">(?P<name>[^<]+)</a></td>\s*<td>[^<]*</td>\s*'
    r'<td><data value="(?P<bytes>\d+)">(?P<shown>[^<]+)</data></td>\s*<td>(?P<count>[^<]*)</td>\s*'
    r"<td>(?P<updated>.*?)</td>"
)


@pytest.mark.build
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_catalogue_shows_each_files_real_size_count_and_licence(
    site: Path, sources: dict[str, list[dict]], lang: str
) -> None:
    page = CATALOGUE_PAGES[lang]
    html = (site / page).read_text("utf-8")
    rows = list(_FILE_ROW.finditer(html))
    assert len(rows) == 3 * len(DATASETS)
    for row in rows:
        target = urljoin(f"{SITE_URL}{page}", row["href"]).removeprefix(SITE_URL)
        assert target.rpartition("/")[2] == row["name"]
        size = (site / target).stat().st_size
        assert int(row["bytes"]) == size
        assert row["shown"] == formatting.file_size(size, lang)
        dataset, _, kind = row["name"].partition(".")
        expected_count = "–" if kind == "schema.json" else formatting.number(len(sources[dataset]), lang)
        assert row["count"] == expected_count
        if kind == "schema.json":
            assert row["updated"] == "–"
        else:
            updated = max(record["updated"] for record in sources[dataset])
            shown = formatting.partial_date(updated, lang)
            assert unescape(row["updated"]) == f'<time datetime="{updated}">{shown}</time>'
    assert html.count(f'<a href="{LICENCE[1]}">') >= 3 * len(DATASETS)


@pytest.mark.build
@pytest.mark.parametrize("lang", LANGUAGES)
def test_section_indexes_and_the_about_page_lead_to_the_data(site: Path, lang: str) -> None:
    prefix = "" if lang == "de" else f"{lang}/"
    for section in SECTION_IDS:
        html = (site / f"{prefix}{section}/index.html").read_text("utf-8")
        depth = len(f"{prefix}{section}/".split("/")) - 1
        for ext in ("json", "csv"):
            assert f'href="{"../" * depth}data/{section}.{ext}"' in html
        assert f'<a href="{LICENCE[1]}">' in html
        assert 'href="../data/"' in html
    about = (site / f"{prefix}about/index.html").read_text("utf-8")
    assert 'href="../data/"' in about


# --- without a build ---------------------------------------------------------


def _cycling_csv(data: Data) -> tuple[list[str], list[dict[str, str]], bytes]:
    schemas = {p.name: p.read_bytes() for p in (ROOT / "data" / "schema").glob("*.json")}
    exports = export_datasets(data, schemas, OpenDataSettings(SITE_URL))
    export = next(e for e in exports if e.name == "cycling")
    csv_file, json_file = export.file("csv"), export.file("json")
    assert csv_file is not None and json_file is not None
    reader = csv.DictReader(io.StringIO(csv_file.content.decode("utf-8-sig"), newline=""))
    return list(reader.fieldnames or []), list(reader), json_file.content


def test_a_field_the_schema_does_not_know_yet_gets_columns_after_the_known_ones() -> None:
    data = load_data(ROOT)
    known, _, _ = _cycling_csv(data)
    cycling = [dict(record) for record in data.sections["cycling"]]
    cycling[1]["audience"] = ["students", "families"]
    cycling[2]["motto"] = {"ja": "走ろう"}
    header, rows, json_file = _cycling_csv(
        Data(data.cities, {**data.sections, "cycling": cycling}, data.events)
    )
    # The schema's columns as before, then the new ones by name, then the licence.
    assert header == [*known[:-2], "audience", "motto_de", "motto_ja", "motto_en", *known[-2:]]
    assert json.loads(rows[1]["audience"]) == ["students", "families"]
    assert (rows[2]["motto_de"], rows[2]["motto_ja"], rows[1]["motto_ja"]) == ("", "走ろう", "")
    assert json.loads(json_file)["records"][1]["audience"] == ["students", "families"]


@pytest.mark.parametrize(
    ("size", "shown"),
    [
        (850, ("850 Byte", "850 byte", "850 byte")),
        (12_345, ("12,3 kB", "12.3 KB", "12.3 kB")),
        (1_000, ("1,0 kB", "1.0 KB", "1.0 kB")),
        (999_950, ("1,0 MB", "1.0 MB", "1.0 MB")),
    ],
)
def test_file_sizes_are_written_in_the_readers_conventions(size: int, shown: tuple[str, ...]) -> None:
    assert tuple(formatting.file_size(size, lang) for lang in LANGUAGES) == shown


def test_the_same_data_gives_the_same_bytes() -> None:
    root = ROOT
    first, second = load_site(root), load_site(root)
    assert [(d.path, d.content) for d in first.downloads(SITE_URL)] == [
        (d.path, d.content) for d in second.downloads(SITE_URL)
    ]


def test_the_json_ld_script_escapes_what_could_end_it() -> None:
    data = load_data(ROOT)
    cities = {**data.cities, "tokyo": {**data.cities["tokyo"], "name": {"en": "</script><!--\u2028&"}}}
    changed = Data(cities, data.sections)
    script = json_ld_script(
        changed, export_datasets(changed, {}, OpenDataSettings(SITE_URL)), OpenDataSettings(SITE_URL), {}
    )
    inner = script.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert not set(inner) & {"<", ">", "&", "\u2028", "\n"}
    assert "</script><!--\u2028&" in json.dumps(json.loads(inner), ensure_ascii=False)


@pytest.mark.parametrize(
    ("licence", "problem"),
    [({"name": "CC0 1.0"}, True), ("CC BY", True), ({"name": "CC0", "url": "https://x.example/cc0"}, False)],
)
def test_the_licence_setting_needs_a_name_and_an_address(licence: Any, problem: bool) -> None:
    if problem:
        with pytest.raises(SourceProblems, match=r"extra\.data_licence"):
            OpenDataSettings.from_settings(SITE_URL, {"data_licence": licence})
    else:
        assert OpenDataSettings.from_settings(SITE_URL, {"data_licence": licence}).licence_name == "CC0"
    assert (
        OpenDataSettings.from_settings(SITE_URL, {}).licence_url
        == "https://creativecommons.org/licenses/by/4.0/"
    )


def test_editorial_pages_may_not_take_the_data_folder(project_copy: Path) -> None:
    page = project_copy / "content" / "en" / "data" / "cycling.json.md"
    page.parent.mkdir(parents=True)
    page.write_text("# Not the data\n", "utf-8")
    with pytest.raises(SourceProblems) as raised:
        load_site(project_copy)
    assert [(p.file, p.message.split(";")[0]) for p in raised.value.problems] == [
        (
            "content/en/data/cycling.json.md",
            "pages under 'data/' would take the address of the data files and their catalogue",
        )
    ]


def test_the_editor_tools_read_the_sites_address_as_mkdocs_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "mkdocs.yml").write_text(
        'site_url: !ENV [KAKEHASHI_TEST_SITE_URL, "https://default.example/"]\n'
        "extra:\n  data_licence: {name: CC0 1.0, url: https://creativecommons.org/publicdomain/zero/1.0/}\n",
        "utf-8",
    )
    monkeypatch.delenv("KAKEHASHI_TEST_SITE_URL", raising=False)
    settings = project_settings.open_data(project_settings.read_settings(tmp_path))
    assert (settings.site_url, settings.licence_name) == ("https://default.example/", "CC0 1.0")
    monkeypatch.setenv("KAKEHASHI_TEST_SITE_URL", "http://127.0.0.1:8000/")
    assert (
        project_settings.open_data(project_settings.read_settings(tmp_path)).site_url
        == "http://127.0.0.1:8000/"
    )
