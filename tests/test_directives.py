"""Generated parts of editorial pages, as Markdown."""

from __future__ import annotations

import copy
import dataclasses

from conftest import ROOT
from kakehashi.site.whole_site import directives, load_site

DATA = load_site(ROOT).data


def test_timeline_text_in_another_language_comes_with_the_notice() -> None:
    assert "lang=" not in directives.timeline(DATA, "partnership", "ja")
    projects = copy.deepcopy(DATA.sections["projects"])
    projects[0]["summary"].pop("ja")
    data = dataclasses.replace(DATA, sections={**DATA.sections, "projects": projects})
    timeline = directives.timeline(data, "partnership", "ja")
    assert "未翻訳の部分があります" in timeline.split("\n- ")[0], "the notice stands above the list"
    assert timeline.count('<span lang="en" data-pagefind-ignore="all">') == 1
    assert "未翻訳" not in directives.timeline(data, "partnership", "en")
