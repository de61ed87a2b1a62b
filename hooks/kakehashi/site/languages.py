"""The site's languages and the one fallback rule, for data and pages alike."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

DEFAULT_LANGUAGE = "de"
LANGUAGES: tuple[str, ...] = ("de", "ja", "en")

# Where a text is missing, the reader gets the first language of the chain
# that has it. English before German for Japanese readers: more of them read
# English than German.
FALLBACK_CHAINS: dict[str, tuple[str, ...]] = {
    "ja": ("ja", "en", "de"),
    "en": ("en", "de", "ja"),
    "de": ("de", "en", "ja"),
}


@dataclass(frozen=True)
class Localized:
    """A text picked for a reader: the text and the language it is really in."""

    text: str
    lang: str

    def is_fallback_for(self, reader_lang: str) -> bool:
        return self.lang != reader_lang


def pick(texts: Mapping[str, str], reader_lang: str) -> Localized:
    """The text for ``reader_lang`` along its fallback chain."""
    for lang in FALLBACK_CHAINS[reader_lang]:
        text = texts.get(lang)
        if text:
            return Localized(text, lang)
    raise KeyError(f"no text in any of {FALLBACK_CHAINS[reader_lang]}")


def first_available(available: set[str], reader_lang: str) -> str | None:
    """The language a page in ``available`` languages is shown in for a reader."""
    for lang in FALLBACK_CHAINS[reader_lang]:
        if lang in available:
            return lang
    return None
