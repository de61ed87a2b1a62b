"""The calendar feeds: ``/events.ics``, ``/ja/events.ics``, ``/en/events.ics``.

One iCalendar file (RFC 5545) per language, made with the ``icalendar``
library, which folds long lines and escapes text. Every event whose day(s) the
sources give is an all-day entry: DTSTART and DTEND are dates, DTEND the day
after the last day (it is exclusive). An event known only to the month or year
is left out: a calendar entry would claim a day, or a whole month of activity.

Nothing in a feed depends on the build's date: its UID is the event's id at
the site's host, its DTSTAMP the day the event was last checked (``updated``),
so the same data give the same bytes, and calendar apps that subscribe to the
feed's stable address see an entry change only when its data change.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from urllib.parse import urlsplit

from icalendar import Calendar, Event, vDuration

from kakehashi.site import events
from kakehashi.site.downloads import Download
from kakehashi.site.glossary import LABELS, VALUE_WORDS, term
from kakehashi.site.languages import LANGUAGES, pick
from kakehashi.site.urls import absolute_url
from kakehashi.sources.loader import Data, Record

REFRESH = timedelta(days=1)


def calendar_downloads(data: Data, site_url: str) -> list[Download]:
    return [Download(events.feed_path(lang), feed(data, site_url, lang)) for lang in LANGUAGES]


def uid(event: Record, site_url: str) -> str:
    """Stable as long as the event keeps its id: ``<id>@<host of the site>``."""
    return f"{event['id']}@{urlsplit(site_url).hostname or 'localhost'}"


def feed(data: Data, site_url: str, lang: str) -> bytes:
    """The calendar of ``lang``: texts along its fallback chain, each marked with its language."""
    page = absolute_url(site_url, events.PAGE_KEY, lang)
    host = urlsplit(site_url).hostname or "localhost"
    calendar = Calendar()
    calendar.add("prodid", f"-//{host}//events//{lang.upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    # The name and description as RFC 7986 says them, and as older calendar apps read them.
    calendar.add("name", term(LABELS, "calendar_name", lang))
    calendar.add("x-wr-calname", term(LABELS, "calendar_name", lang))
    calendar.add("description", term(LABELS, "events_intro", lang))
    calendar.add("x-wr-caldesc", term(LABELS, "events_intro", lang))
    # How often a subscribed app should fetch the feed again: the data change seldom.
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH).to_ical().decode())
    for event in events.chronological(data.events):
        days = events.days(event)
        if days.exact:
            calendar.add_component(_entry(data, event, days, site_url, page, lang))
    return calendar.to_ical()


def _entry(data: Data, event: Record, days: events.Days, site_url: str, page: str, lang: str) -> Event:
    title = pick(event["title"], lang)
    summary = pick(event["summary"], lang)
    entry = Event()
    entry.add("uid", uid(event, site_url))
    entry.add("dtstamp", datetime.combine(date.fromisoformat(event["updated"]), time(0), tzinfo=UTC))
    entry.add("dtstart", days.first)
    entry.add("dtend", days.last + timedelta(days=1))
    entry.add("summary", title.text, parameters={"LANGUAGE": title.lang})
    sources = "\n".join(f"{source['title']}: {source['url']}" for source in event["sources"])
    heading = (
        term(VALUE_WORDS, "labelled", lang).format(label=term(LABELS, "sources", lang), value="").rstrip()
    )
    description = f"{summary.text}\n\n{heading}\n{sources}{_reports(data, event, lang)}"
    entry.add("description", description, parameters={"LANGUAGE": summary.lang})
    where = [pick(event["place"], lang).text] if "place" in event else []
    city = pick(data.cities[event["city"]]["name"], lang).text
    where = [city, *where] if lang == "ja" else [*where, city]  # 市, then the building in Japanese
    entry.add("location", term(LABELS, "field_joiner", lang).join(where))
    entry.add("url", f"{page}#{event['id']}")
    return entry


def _reports(data: Data, event: Record, lang: str) -> str:
    """Each city's own report (``reports``) after the event's sources, as plain text: the
    heading, then per city its name, what its report stresses and its sources. A text that
    falls back to another language is shown as it is; the entry's LANGUAGE is the summary's."""
    if "reports" not in event:
        return ""
    parts = [term(LABELS, "event_reports", lang)]
    for city in events.REPORT_CITIES:
        report = event["reports"][city]
        name = pick(data.cities[city]["name"], lang).text
        sources = "\n".join(f"{source['title']}: {source['url']}" for source in report["sources"])
        heading = term(LABELS, "report_from", lang).format(city=name)
        parts.append(f"{heading}\n{pick(report['summary'], lang).text}\n{sources}")
    return "\n\n" + "\n\n".join(parts)
