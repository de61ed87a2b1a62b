"""The editor loop: ``mkdocs serve`` rebuilds once per edit and survives a broken edit."""

from __future__ import annotations

import re
import time
from pathlib import Path

from conftest import run_mkdocs_build
from kakehashi.site.guides import keys_showing
from kakehashi.sources.loader import load_data
from serving import serving, wait_for

# What only the preview's pages have: the box that shows problems in the sources.
PREVIEW_BOX = re.compile(rb'<div class="kk-problems".*?</script>', re.S)


def guides_linking(project: Path, record: dict) -> int:
    """How many guide pages link the edited route (the cycling crosswalk links some)."""
    return len(keys_showing(load_data(project), {f"cycling/{record['id']}"}))


def html_pages(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*.html")}


def test_an_edit_renders_only_its_pages_and_they_match_a_full_build(
    project_copy: Path, tmp_path: Path
) -> None:
    log_path = tmp_path / "serve.log"
    with serving(project_copy, log_path) as (record, url):
        data = project_copy / "data" / "cycling.yml"
        new_title = "編集されたタイトル <b>&"
        data.write_text(
            data.read_text("utf-8").replace(f'ja: "{record["title"]["ja"]}"', f'ja: "{new_title}"', 1),
            "utf-8",
        )
        wait_for(url, lambda html: "編集されたタイトル &lt;b&gt;&amp;" in html)
        served_dir = Path(
            re.search(r"Building 'de' documentation to directory: (\S+)", log_path.read_text()).group(1)
        )
        served = {name: PREVIEW_BOX.sub(b"", html, count=1) for name, html in html_pages(served_dir).items()}
        served_data = data_files(served_dir)
    log_text = log_path.read_text("utf-8")
    assert "Traceback" not in log_text
    assert log_text.count("Building documentation...") == 1, log_text
    # The ja record page, the ja index of the section (the card's title), the
    # ja pages that name the record under "See also", those of its topics and the
    # guides that link it, and the data catalogue in each language (the sizes of
    # the data files).
    assert record.get("related"), "the edited record is related to another"
    assert record.get("topics"), "the edited record has topics"
    count = 2 + len(record["related"]) + len(record["topics"]) + guides_linking(project_copy, record) + 3
    assert re.search(rf"Updated {count} pages in", log_text), log_text

    full_site = tmp_path / "full"
    env_url = {"SITE_URL": url.split("/ja/")[0] + "/"}
    result = run_mkdocs_build(project_copy, full_site, env_url)
    assert result.returncode == 0, result.stderr
    full = html_pages(full_site)
    assert served.keys() == full.keys()
    differing = [name for name in full if served[name] != full[name]]
    assert differing == []
    # The data files are written again with the pages.
    assert new_title in (served_dir / "data" / "cycling.json").read_text("utf-8")
    assert served_data == data_files(full_site)
    # The map's data follows the edit too (the record has a location).
    assert "location" in record and new_title.encode() in served_data["cycling.geojson"]


def data_files(site: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((site / "data").iterdir()) if p.suffix != ".html"}


def test_a_page_that_lists_a_section_shows_an_edit_of_its_records(project_copy: Path, tmp_path: Path) -> None:
    page = project_copy / "content" / "ja" / "routes.md"
    page.write_text("# ルート\n\n<!-- kakehashi:records section=cycling view=table -->\n", "utf-8")
    log_path = tmp_path / "serve.log"
    with serving(project_copy, log_path) as (record, url):
        routes_url = url.split("/ja/")[0] + "/ja/routes/"
        assert record["title"]["ja"] in wait_for(routes_url, lambda html: True)
        data = project_copy / "data" / "cycling.yml"
        data.write_text(
            data.read_text("utf-8").replace(f'ja: "{record["title"]["ja"]}"', 'ja: "新しいルート名"', 1),
            "utf-8",
        )
        wait_for(routes_url, lambda html: "新しいルート名" in html)
    log_text = log_path.read_text("utf-8")
    assert "Traceback" not in log_text
    assert log_text.count("Building documentation...") == 1, log_text  # page by page, no full rebuild


def test_a_broken_edit_and_its_fix_render_no_more_than_the_fix(project_copy: Path, tmp_path: Path) -> None:
    log_path = tmp_path / "serve.log"
    with serving(project_copy, log_path) as (record, url):
        problems_url = url.split("/ja/")[0] + "/kakehashi-problems.txt"
        assert wait_for(problems_url, lambda text: True) == ""
        data = project_copy / "data" / "cycling.yml"
        good = data.read_text("utf-8")
        data.write_text(good.replace(f"kind: {record['kind']}", "kind: no", 1), "utf-8")
        report = wait_for(problems_url, lambda text: text != "")
        assert report.startswith("1 problem in the site's sources:")
        assert "data/cycling.yml:" in report and ".kind:" in report
        page = wait_for(url, lambda html: True)
        assert record["title"]["ja"] in page  # the last good page is still there
        box = re.search(r'<div class="kk-problems" role="alert" hidden data-src="([./]*)/(\S+)">', page)
        assert box and box.group(2) == "kakehashi-problems.txt"
        assert box.group(1) == "../../.."  # the file at the site's root

        # The fix also retitles the record: its page, its section's index page, the pages
        # that name it under "See also", those of its topics, the guides that link it and,
        # in each language, the data catalogue change.
        fixed_title = "直したタイトル"
        data.write_text(good.replace(f'ja: "{record["title"]["ja"]}"', f'ja: "{fixed_title}"', 1), "utf-8")
        wait_for(url, lambda html: fixed_title in html)
        assert wait_for(problems_url, lambda text: True) == ""
        time.sleep(1.5)  # let a spurious extra rebuild show up, if there were one
    log_text = log_path.read_text("utf-8")
    assert "Traceback" not in log_text
    assert log_text.count("Detected file changes") == 2, log_text
    # Neither edit rebuilt the site: the broken one changed no page.
    assert log_text.count("Building documentation...") == 1, log_text
    changed = 2 + len(record["related"]) + len(record["topics"]) + guides_linking(project_copy, record) + 3
    assert re.search(rf"Updated 0 pages in .*Updated {changed} pages in", log_text, re.S), log_text


def test_the_published_site_has_no_problems_box(built_site: Path) -> None:
    page = (built_site / "ja" / "index.html").read_text("utf-8")
    assert "kk-problems" not in page
    assert not (built_site / "kakehashi-problems.txt").exists()


def test_an_edit_to_an_editorial_page_shows_while_serving_and_matches_a_full_build(
    project_copy: Path, tmp_path: Path
) -> None:
    log_path = tmp_path / "serve.log"
    page = project_copy / "content" / "ja" / "about.md"
    added = "このサイトは編集中です。"
    with serving(project_copy, log_path) as (_, url):
        about_url = url.split("/ja/")[0] + "/ja/about/"
        assert added not in wait_for(about_url, lambda html: True)
        page.write_text(page.read_text("utf-8") + f"\n{added}\n", "utf-8")
        wait_for(about_url, lambda html: added in html)
        served_dir = Path(
            re.search(r"Building 'de' documentation to directory: (\S+)", log_path.read_text()).group(1)
        )
        served = {name: PREVIEW_BOX.sub(b"", html, count=1) for name, html in html_pages(served_dir).items()}
    log_text = log_path.read_text("utf-8")
    assert "Traceback" not in log_text
    assert "Detected file changes" in log_text

    full_site = tmp_path / "full"
    result = run_mkdocs_build(project_copy, full_site, {"SITE_URL": url.split("/ja/")[0] + "/"})
    assert result.returncode == 0, result.stderr
    full = html_pages(full_site)
    assert served.keys() == full.keys()
    assert [name for name in full if served[name] != full[name]] == []
