"""The preview of ``mkdocs serve`` shows a broken edit on the page an editor is reading."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from serving import serving, wait_for


def read_problems_after(page: Any, action: Callable[[], Any]) -> None:
    """Do ``action``, which loads the page (directly, or by an edit the live
    reload answers), and wait until the page's script has read the problems file."""
    with page.expect_response(lambda response: "kakehashi-problems.txt" in response.url) as read:
        action()
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
            read_problems_after(page, lambda: page.goto(url))
            assert box.is_hidden()

            data = project_copy / "data" / "cycling.yml"
            good = data.read_text("utf-8")
            broken = good.replace(f"kind: {record['kind']}", "kind: <no>", 1)
            # The preview's live reload loads the page again once the edit is built.
            read_problems_after(page, lambda: data.write_text(broken, "utf-8"))
            assert wait_for(problems_url, lambda text: True) != ""
            box.wait_for(state="visible")
            shown = box.inner_text()
            assert shown.startswith("1 problem in the site's sources:")
            assert "data/cycling.yml:" in shown and "<no>" in shown  # text, not markup
            assert page.locator(".kk-problems no").count() == 0
            assert box.get_attribute("role") == "alert"
            assert record["title"]["ja"] in page.locator("h1").inner_text()  # the last good page

            read_problems_after(page, lambda: data.write_text(good, "utf-8"))
            assert wait_for(problems_url, lambda text: True) == ""
            assert box.is_hidden()
        finally:
            context.close()
