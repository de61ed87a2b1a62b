"""The one fallback rule: ja → en → de, en → de → ja, de → en → ja."""

from __future__ import annotations

import pytest

from kakehashi.site.languages import first_available, pick


@pytest.mark.parametrize(
    ("available", "reader", "expected"),
    [
        ({"de", "ja", "en"}, "ja", "ja"),
        ({"de", "en"}, "ja", "en"),
        ({"de"}, "ja", "de"),
        ({"ja", "de"}, "en", "de"),
        ({"ja"}, "en", "ja"),
        ({"en", "ja"}, "de", "en"),
        ({"ja"}, "de", "ja"),
    ],
)
def test_fallback_chain(available: set[str], reader: str, expected: str) -> None:
    texts = {lang: f"text in {lang}" for lang in available}
    picked = pick(texts, reader)
    assert picked.lang == expected
    assert picked.text == f"text in {expected}"
    assert picked.is_fallback_for(reader) == (expected != reader)
    assert first_available(available, reader) == expected


def test_empty_text_counts_as_missing() -> None:
    assert pick({"ja": "", "en": "hello"}, "ja").lang == "en"
