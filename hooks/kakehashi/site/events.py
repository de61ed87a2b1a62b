"""The events page (``/events/`` in every language) and what it shares with the
timeline and the calendar feeds: an event's days, and the day that splits
upcoming from past.

That day is taken in one place, :func:`as_of`: ``SOURCE_DATE_EPOCH`` where it
is set (``kakehashi build`` sets it to the time of the newest commit), else the
build machine's date. The page says which day it is. So the same sources give
the same page, and a build without ``SOURCE_DATE_EPOCH`` changes the events
page, and only it, when the date changes.
"""

from __future__ import annotations

import calendar
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime

from kakehashi.site import downloads, escaping, formatting
from kakehashi.site.glossary import LABELS, VALUE_WORDS, term
from kakehashi.site.markdown_blocks import LocalizedText, external_link, front_matter, indent, link, page
from kakehashi.site.urls import record_key, url_path
from kakehashi.sources.loader import Data, Record, event_days, parse_partial_date

PAGE_KEY = "events"
FEED_NAME = "events.ics"
# The cities whose own reports a partnership event may set side by side, in this order.
REPORT_CITIES = ("bochum", "tsukuba")


def as_of(environ: Mapping[str, str] = os.environ) -> date:
    """The day events are judged upcoming or past: the UTC date of
    ``SOURCE_DATE_EPOCH`` where it is set, else today."""
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return date.today()


def feed_path(lang: str) -> str:
    """The calendar feed of a language below the site root: "events.ics", "ja/events.ics"."""
    return url_path("index", lang) + FEED_NAME


@dataclass(frozen=True)
class Days:
    """The days an event covers; ``exact`` where the sources give the day(s),
    else the whole month or year that ``date`` names."""

    first: date
    last: date
    exact: bool


def days(event: Record) -> Days:
    first_text, last_text = event_days(event)
    first, precision = parse_partial_date(first_text) or (None, "")
    last, _ = parse_partial_date(last_text) or (None, "")
    assert first is not None and last is not None, "the loader checked the dates"
    if precision == "month":
        last = last.replace(day=calendar.monthrange(last.year, last.month)[1])
    elif precision == "year":
        last = last.replace(month=12, day=31)
    return Days(first, last, precision == "day")


def when(event: Record, lang: str) -> str:
    """The event's date or span in the reader's conventions (plain text)."""
    first, last = event_days(event)
    return formatting.period(first, last, lang)


def chronological(events: Iterable[Record]) -> list[Record]:
    """Oldest first; events of the same first day by id."""
    return sorted(events, key=lambda event: (days(event).first, event["id"]))


def split(events: Iterable[Record], today: date) -> tuple[list[Record], list[Record]]:
    """Upcoming (not yet over on ``today``, soonest first) and past (newest first)."""
    upcoming, past = [], []
    for event in chronological(events):
        (upcoming if days(event).last >= today else past).append(event)
    past.sort(key=lambda event: days(event).last, reverse=True)  # stable: same last day, by start
    return upcoming, past


def render_page(data: Data, lang: str, today: date) -> str:
    writer = LocalizedText(lang)
    title = term(LABELS, "events", lang)
    intro = term(LABELS, "events_intro", lang)
    shown = escaping.inline(formatting.partial_date(today.isoformat(), lang))
    as_of_text = term(LABELS, "events_as_of", lang).format(
        date=f'<time datetime="{today.isoformat()}">{shown}</time>'
    )
    feed = (
        f'<a href="{downloads.href(feed_path(lang), PAGE_KEY, lang)}" type="text/calendar">'
        f"{escaping.inline(term(LABELS, 'calendar_feed', lang))}</a>"
    )
    how_to = escaping.inline(term(LABELS, "calendar_how_to", lang))
    upcoming, past = split(data.events, today)
    records = {record_key(s, r["id"]): r for s, rs in data.sections.items() for r in rs}
    parts = [escaping.inline(intro), as_of_text, f"__{feed}__  \n{how_to}"]
    for heading, anchor, listed in (("upcoming_events", "upcoming", upcoming), ("past_events", "past", past)):
        parts.append(f"## {escaping.inline(term(LABELS, heading, lang))} {{ #{anchor} }}")
        if not listed:
            parts.append(escaping.inline(term(LABELS, "no_upcoming_events", lang)))
        parts += [_event(data, event, records, writer) for event in listed]
    return page(front_matter(title, intro), escaping.inline(title), writer.notice(), parts)


def _event(data: Data, event: Record, records: Mapping[str, Record], writer: LocalizedText) -> str:
    lang = writer.lang
    joiner = term(VALUE_WORDS, "fact_joiner", lang)
    first = event_days(event)[0]
    facts = [f'<time datetime="{first}">{escaping.inline(when(event, lang))}</time>']
    facts.append(writer.inline(data.cities[event["city"]]["name"]))
    if "place" in event:
        facts.append(writer.inline(event["place"]))
    lines = [f"### {writer.inline(event['title'])} {{ #{event['id']} }}", joiner.join(facts)]
    lines.append(writer.inline(event["summary"]))
    if "reports" in event:
        lines.append(reports(data, event, writer))

    def labelled(name: str, value: str) -> str:
        return term(VALUE_WORDS, "labelled", lang).format(
            label=escaping.inline(term(LABELS, name, lang)), value=value
        )

    if "related" in event:
        links = [link(writer.inline(records[key]["title"]), PAGE_KEY, key) for key in event["related"]]
        lines.append(labelled("related", joiner.join(links)))
    sources = [external_link(s["url"], s["title"], s["lang"], lang) for s in event["sources"]]
    checked = escaping.inline(formatting.partial_date(event["updated"], lang))
    checked_time = f'<time datetime="{event["updated"]}">{checked}</time>'
    lines.append(labelled("sources", joiner.join(sources)) + "  \n" + labelled("last_checked", checked_time))
    return "\n\n".join(lines)


def reports(data: Data, event: Record, writer: LocalizedText, *, in_list: bool = False) -> str:
    """Each city's own report of a partnership event side by side, with its sources: two
    columns (``kk-compare``) that stack on a narrow screen. "" for an event without reports.

    ``in_list``: for an item of a Markdown list (the timeline). The block is indented
    into the item, where Python-Markdown reads the Markdown between the tags by itself
    and would keep md_in_html's ``markdown`` attribute in the page, so it is left out.
    """
    if "reports" not in event:
        return ""
    lang = writer.lang
    joiner = term(VALUE_WORDS, "fact_joiner", lang)
    marker = "" if in_list else " markdown"
    columns = []
    for city in REPORT_CITIES:
        report = event["reports"][city]
        heading = term(LABELS, "report_from", lang).format(city=writer.inline(data.cities[city]["name"]))
        links = [external_link(s["url"], s["title"], s["lang"], lang) for s in report["sources"]]
        sources = term(VALUE_WORDS, "labelled", lang).format(
            label=escaping.inline(term(LABELS, "sources", lang)), value=joiner.join(links)
        )
        columns.append(
            f'<section class="kk-report" data-city="{city}"{marker}>\n\n__{heading}__\n\n'
            f"{writer.inline(report['summary'])}\n\n{sources}\n\n</section>"
        )
    lead = escaping.inline(term(LABELS, "event_reports", lang))
    block = f'{lead}\n\n<div class="kk-compare kk-reports"{marker}>\n\n' + "\n\n".join(columns) + "\n\n</div>"
    return indent(block) if in_list else block
