"""A route's stage and its pair: the same rows for every route, and the route it is paired with.

Every route and route section of the cycling section has a ``stage``
(``STAGE_FIELDS``): each fact with its sources, or ``published: false``, which
the page states in words rather than leaving a row out. The rows are the same
and in the same order on every route's page. A ``pair`` names the counterpart
of a route in the other city; both pages link each other with its sentence.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from kakehashi.site import escaping, formatting
from kakehashi.site.glossary import LABELS, VALUE_WORDS, term
from kakehashi.site.markdown_blocks import LocalizedText, link, raw_html
from kakehashi.site.urls import record_key
from kakehashi.sources.loader import STAGE_FIELDS, STAGE_SECTION, Data, Record


@functools.cache
def _row_labels(lang: str) -> tuple[tuple[str, str], ...]:
    """(field, escaped label) of every row, in the page's order: looked up once per language."""
    return tuple((field, escaping.inline(term(LABELS, f"stage_{field}", lang))) for field in STAGE_FIELDS)


@functools.cache
def _fixed_words(lang: str) -> tuple[str, str]:
    """The heading and the words for a fact no source gives, escaped once per language."""
    heading = f"## {escaping.inline(term(LABELS, 'stage', lang))}"
    none = f'<span class="kk-stage__none">{escaping.inline(term(LABELS, "stage_not_published", lang))}</span>'
    return heading, none


def stage_table(data: Data, record: Record, writer: LocalizedText) -> str:
    """The stage of a route as one table: every row with its value (or the words for
    "not published") and its sources; "" for a record without a stage (a facility).

    A climb that no source publishes is the one measured on the route's GPX track,
    where the track has elevations, with the track's source beside it."""
    stage = record.get("stage")
    if stage is None:
        return ""
    lang = writer.lang
    heading, none = _fixed_words(lang)
    rows = []
    measured = _measured_climb(data, record)
    for field, label in _row_labels(lang):
        fact = stage[field]
        if fact.get("published") is False and field == "climb" and measured is not None:
            climb = formatting.metres(measured, lang)
            value = escaping.inline(term(LABELS, "stage_climb_from_track", lang).format(climb=climb))
            sources = _source_link({**record["track_source"], "lang": ""})
        elif fact.get("published") is False:
            value, sources = none, ""
        elif "text" in fact:
            value, sources = writer.inline(fact["text"]), _source_links(fact["sources"], lang)
        else:
            value = escaping.inline(formatting.quantity(fact, lang))
            sources = _source_links(fact["sources"], lang)
        cells = f'<th scope="row">{label}</th><td>{value}</td><td class="kk-stage__sources">{sources}</td>'
        rows.append(f"<tr>{cells}</tr>")
    table = f'<table class="kk-stage"><tbody>{"".join(rows)}</tbody></table>'
    return f"{heading}\n\n{raw_html(table)}"  # whole HTML: the renderer takes it as it is


def _measured_climb(data: Data, record: Record) -> float | None:
    track = data.tracks.get(record.get("track", ""))
    return track.climb_m if track is not None else None


def _source_links(sources: list[Mapping[str, Any]], lang: str) -> str:
    """Each source as a short link named by its host, with its title as the link's title."""
    # Glossary punctuation (", " or "、"), as written.
    return term(LABELS, "field_joiner", lang).join(_source_link(source) for source in sources)


def _source_link(source: Mapping[str, Any]) -> str:
    return _link_of(source["url"], source["title"], source["lang"])


# The same sources stand on many routes: each link is made once.
@functools.lru_cache(maxsize=4096)
def _link_of(url: str, title: str, lang: str) -> str:
    host = escaping.inline(urlsplit(url).hostname or url)
    hreflang = f' hreflang="{lang}"' if lang else ""  # a track's source names no language
    return f'<a href="{escaping.attribute(url)}"{hreflang} title="{escaping.attribute(title)}">{host}</a>'


# --- pairs ------------------------------------------------------------------------


def pair_block(data: Data, record: Record, writer: LocalizedText) -> str:
    """The counterparts of a route in the other city, each linked with what the two share."""
    pairs = _pairs_by_id(data).get(record["id"])
    if not pairs:
        return ""
    here = record_key(STAGE_SECTION, record["id"])
    items = []
    for other, shared in pairs:
        target = link(writer.inline(other["title"]), here, record_key(STAGE_SECTION, other["id"]))
        items.append(
            "- "
            + term(VALUE_WORDS, "labelled", writer.lang).format(label=target, value=writer.inline(shared))
        )
    heading = f"## {escaping.inline(term(LABELS, 'pair', writer.lang))}"
    return "\n".join([heading, "", *items])


def paired_records(data: Data, section: str, record: Record) -> list[Record]:
    """The routes whose pages show ``record`` as their pair (and that it shows)."""
    if section != STAGE_SECTION:
        return []
    return [other for other, _ in _pairs_by_id(data).get(record["id"], [])]


@functools.lru_cache(maxsize=2)  # the data in use, and the one an edit replaces
def _pairs_by_id(data: Data) -> dict[str, list[tuple[Record, Mapping[str, str]]]]:
    """Route id → (counterpart, shared sentence), both ways, in the order of the file."""
    records = {r["id"]: r for r in data.sections.get(STAGE_SECTION, ())}
    pairs: dict[str, list[tuple[Record, Mapping[str, str]]]] = {}
    for record in records.values():
        if "pair" in record:
            other = records[record["pair"]["record"].split("/", 1)[1]]
            shared = record["pair"]["shared"]
            pairs.setdefault(record["id"], []).append((other, shared))
            pairs.setdefault(other["id"], []).append((record, shared))
    return pairs
