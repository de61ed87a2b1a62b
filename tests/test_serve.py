"""The editor loop: ``mkdocs serve`` rebuilds once per edit and survives a broken edit."""

from __future__ import annotations

import re
import time
from pathlib import Path

from conftest import run_mkdocs_build
from serving import serving, wait_for

# What only the preview's pages have: the box that shows problems in the sources.
PREVIEW_BOX = re.compile(rb'<div class="kk-problems".*?</script>', re.S)


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
        served_geojson = (served_dir / "data" / "cycling.geojson").read_bytes()
    log_text = log_path.read_text("utf-8")
    assert "Traceback" not in log_text
    assert log_text.count("Building documentation...") == 1, log_text
    # The ja record page, the ja index of the section (the card's title) and the
    # ja pages that name the record under "See also".
    assert record.get("related"), "the edited record is related to another"
    assert re.search(rf"Updated {2 + len(record['related'])} pages in", log_text), log_text

    full_site = tmp_path / "full"
    env_url = {"SITE_URL": url.split("/ja/")[0] + "/"}
    result = run_mkdocs_build(project_copy, full_site, env_url)
    assert result.returncode == 0, result.stderr
    full = html_pages(full_site)
    assert served.keys() == full.keys()
    differing = [name for name in full if served[name] != full[name]]
    assert differing == []
    # The map's data follows the edit too (the record has a location).
    assert "location" in record and new_title.encode() in served_geojson
    assert served_geojson == (full_site / "data" / "cycling.geojson").read_bytes()


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

        # The fix also retitles the record: its page, its section's index page and the page
        # that names it under "See also" change.
        fixed_title = "直したタイトル"
        data.write_text(good.replace(f'ja: "{record["title"]["ja"]}"', f'ja: "{fixed_title}"', 1), "utf-8")
        wait_for(url, lambda html: fixed_title in html)
        assert wait_for(problems_url, lambda text: True) == ""
        time.sleep(1.5)  # let a spurious extra rebuild show up, if there were one
    log_text = log_path.read_text("utf-8")
    assert "Traceback" not in log_text
    assert log_text.count("Detected file changes") == 2, log_text
    # Neither edit rebuilt the site: the broken one changed no page, the fix three.
    assert log_text.count("Building documentation...") == 1, log_text
    changed = 2 + len(record["related"])
    assert re.search(rf"Updated 0 pages in .*Updated {changed} pages in", log_text, re.S), log_text


def test_the_published_site_has_no_problems_box(built_site: Path) -> None:
    page = (built_site / "ja" / "index.html").read_text("utf-8")
    assert "kk-problems" not in page
    assert not (built_site / "kakehashi-problems.txt").exists()
