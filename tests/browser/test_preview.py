"""The preview of ``mkdocs serve`` shows a broken edit on the page an editor is reading."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from serving import serving, wait_for


def load_and_read_problems(page: Any, load: Callable[..., Any], *args: Any) -> None:
    """Load the page and wait until its script has read the problems file."""
    with page.expect_response(lambda response: "kakehashi-problems.txt" in response.url) as read:
        load(*args)
    read.value.finished()
    # The live reload's long poll keeps the network busy: give the script's
    # callbacks a moment instead of waiting for an idle network.
    page.wait_for_timeout(300)


def test_the_problems_box_appears_with_a_broken_edit_and_goes_with_its_fix(
    chromium: Any, project_copy: Path, tmp_path: Path
) -> None:
    with serving(project_copy, tmp_path / "serve.log") as (record, url):
        problems_url = url.split("/ja/")[0] + "/kakehashi-problems.txt"
        context = chromium.new_context()
        context.set_default_timeout(15_000)
        try:
            page = context.new_page()
            box = page.locator(".kk-problems")
            load_and_read_problems(page, page.goto, url)
            assert box.is_hidden()

            data = project_copy / "data" / "cycling.yml"
            good = data.read_text("utf-8")
            data.write_text(good.replace(f"kind: {record['kind']}", "kind: <no>", 1), "utf-8")
            wait_for(problems_url, lambda text: text != "")
            page.reload()  # what the preview's live reload does after the edit
            box.wait_for(state="visible")
            shown = box.inner_text()
            assert shown.startswith("1 problem in the site's sources:")
            assert "data/cycling.yml:" in shown and "<no>" in shown  # text, not markup
            assert page.locator(".kk-problems no").count() == 0
            assert box.get_attribute("role") == "alert"
            assert record["title"]["ja"] in page.locator("h1").inner_text()  # the last good page

            data.write_text(good, "utf-8")
            wait_for(problems_url, lambda text: text == "")
            load_and_read_problems(page, page.reload)
            assert box.is_hidden()
        finally:
            context.close()
