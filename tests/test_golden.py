"""Golden tests: the Markdown generated for one record per section.

Input: tests/fixtures/mini/data. Expected output: tests/golden/<section>.<lang>.md.
After an intended change, regenerate with ``UPDATE_GOLDEN=1 pytest tests/test_golden.py``
and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kakehashi.site.record_pages import render_record, render_section_index
from kakehashi.sources.loader import load_data

HERE = Path(__file__).parent
SCHEMA = HERE.parent / "data" / "schema"
GOLDEN = HERE / "golden"

CASES = [
    ("projects", "test-visit", "de"),
    ("ecosystem", "test-centre", "ja"),
    ("cycling", "test-route", "en"),
    ("disaster-prevention", "test-shelter", "ja"),
]


def check_golden(name: str, actual: str) -> None:
    """Compare with the golden file. With UPDATE_GOLDEN set, a differing or missing
    file is rewritten and the test fails, saying so: a rewritten file proves nothing
    until its diff is reviewed and the tests pass without the switch."""
    path = GOLDEN / name
    expected = path.read_text("utf-8") if path.is_file() else None
    if actual != expected and os.environ.get("UPDATE_GOLDEN"):
        path.write_text(actual, "utf-8")
        pytest.fail(f"UPDATE_GOLDEN: rewrote {path.relative_to(HERE)}; review the diff, then run without it")
    assert expected is not None, f"missing golden file {path}; run with UPDATE_GOLDEN=1"
    assert actual == expected


@pytest.mark.parametrize(("section", "record_id", "lang"), CASES)
def test_record_page(section: str, record_id: str, lang: str) -> None:
    data = load_data(HERE / "fixtures" / "mini", SCHEMA)
    record = next(r for r in data.sections[section] if r["id"] == record_id)
    check_golden(f"{section}.{lang}.md", render_record(data, section, record, lang))


def test_section_index_page() -> None:
    data = load_data(HERE / "fixtures" / "mini", SCHEMA)
    check_golden("cycling-index.ja.md", render_section_index(data, "cycling", "ja"))
