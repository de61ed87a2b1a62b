"""Guides that set both cities side by side: ``/guides/`` and one page per guide.

A guide comes from ``data/guides/<id>.yml`` (checked by
:mod:`kakehashi.sources.guide_files`). A crosswalk shows groups of rows, Japan
beside Germany, each row with its sources and links to the records that serve
it. A visitor card holds what a visitor of one city needs on one printed A4
page: the emergency numbers, the warnings, places from the disaster-prevention
section (their addresses and a small map come from the records, which are
linked, not copied), and phrases with reading aids; its rows point to a
numbered list of sources at the end of the card. A playbook takes founders from
one city to the other in numbered steps (the same steps as its counterpart for
the other direction, which it links): each step and each of its items shows its
sources, the day they were checked, amounts and deadlines as published, and
"not yet confirmed" where no source confirms it. A taking-part guide tells one
audience what exists for it today, where to turn and what has not been
published, each row with its sources and links to the records and events it
names; where nothing is sourced, it says so.
"""

from __future__ import annotations

from kakehashi.site import escaping, events, formatting, maps
from kakehashi.site.glossary import LABELS, VALUE_WORDS, term
from kakehashi.site.markdown_blocks import (
    LocalizedText,
    admonition,
    external_link,
    front_matter,
    link,
    page,
    relative_path,
    website_link,
)
from kakehashi.site.urls import record_key, section_index_key
from kakehashi.sources.guide_files import AUDIENCES, GUIDES_FOLDER, TAKING_PART_LISTS, Guide, furigana_parts
from kakehashi.sources.loader import Data, Record

GUIDES_INDEX_KEY = f"{GUIDES_FOLDER}/index"


def guide_key(guide_id: str) -> str:
    return f"{GUIDES_FOLDER}/{guide_id}"


def guide_page_keys(data: Data) -> list[str]:
    """The listing and a page per guide; none where there are no guides."""
    if not data.guides:
        return []
    return [GUIDES_INDEX_KEY, *(guide_key(guide_id) for guide_id in data.guides)]


def linked_records(guide: Guide) -> set[str]:
    """The record keys (``section/id``) a guide shows or links."""
    keys = {
        link_key
        for group in guide.get("groups", ())
        for row in group["rows"]
        for link_key in row.get("records", ())
    }
    keys.update(place["record"] for place in guide.get("places", ()))
    keys.update(link_key for step in guide.get("steps", ()) for link_key in step.get("records", ()))
    keys.update(
        key for name in TAKING_PART_LISTS for row in guide.get(name, ()) for key in row.get("records", ())
    )
    return keys


def keys_showing(data: Data, record_keys: set[str]) -> set[str]:
    """The guide pages that show or link any of ``record_keys``."""
    return {guide_key(gid) for gid, guide in data.guides.items() if linked_records(guide) & record_keys}


def render_guides_index(data: Data, lang: str) -> str:
    writer = LocalizedText(lang)
    items = []
    # The other guides in the order of their files, then the taking-part guides by audience.
    listed = sorted(data.guides.items(), key=lambda item: _listing_place(item[1]))
    for guide_id, guide in listed:
        kind = escaping.inline(term(LABELS, _kind_word(guide), lang))
        if "audience" in guide:
            audience = escaping.inline(term(LABELS, f"audience_{guide['audience']}", lang))
            kind = term(VALUE_WORDS, "fact_joiner", lang).join([kind, audience])
        title = link(f"__{writer.inline(guide['title'])}__", GUIDES_INDEX_KEY, guide_key(guide_id))
        items.append(f"-   {title}\n\n    {kind}\n\n    {writer.inline(guide['summary'])}")
    listing = '<div class="grid cards" markdown>\n\n' + "\n\n".join(items) + "\n\n</div>"
    title = term(LABELS, "guides", lang)
    intro = term(LABELS, "guides_intro", lang)
    front = front_matter(title, intro)
    return page(front, escaping.inline(title), writer.notice(), [escaping.inline(intro), listing])


def render_guide(data: Data, guide_id: str, lang: str) -> str:
    guide = data.guides[guide_id]
    writer = LocalizedText(lang)
    key = guide_key(guide_id)
    if guide["kind"] == "crosswalk":
        blocks = [writer.paragraphs(guide["summary"]), *_crosswalk(data, guide, writer, key)]
    elif guide["kind"] == "playbook":
        blocks = [writer.paragraphs(guide["summary"]), *_playbook(data, guide, writer, key)]
    elif guide["kind"] == "taking-part":
        blocks = [writer.paragraphs(guide["summary"]), *_taking_part(data, guide, writer, key)]
    else:
        blocks = [_visitor_card(data, guide, writer, key)]
    if "unverified" in guide:
        blocks.append(
            admonition("warning", term(LABELS, "unverified", lang), writer.paragraphs(guide["unverified"]))
        )
    blocks.append(_checked_and_offline(guide, lang))
    back = term(LABELS, "guides", lang)
    back_link = link(f"← {escaping.inline(back)}", key, GUIDES_INDEX_KEY)
    blocks.append(f'<p class="kk-guide__back" markdown>{back_link}</p>')
    front = front_matter(writer.plain(guide["title"]), writer.plain(guide["summary"]))
    return page(front, writer.inline(guide["title"]), writer.notice(), blocks)


def _listing_place(guide: Guide) -> int:
    """0 for a guide of another kind (the order of the files stays), else 1 + its audience's place."""
    return AUDIENCES.index(guide["audience"]) + 1 if "audience" in guide else 0


def _kind_word(guide: Guide) -> str:
    return "guide_kind_" + guide["kind"].replace("-", "_")


def _checked_and_offline(guide: Guide, lang: str) -> str:
    date = guide["updated"]
    checked = term(VALUE_WORDS, "labelled", lang).format(
        label=escaping.inline(term(LABELS, "last_checked", lang)),
        value=f'<time datetime="{date}">{escaping.inline(formatting.partial_date(date, lang))}</time>',
    )
    offline = escaping.inline(term(LABELS, "guide_offline", lang))
    offline_line = f'<span class="kk-guide__offline">{offline}</span>'
    return f'<p class="kk-guide__meta" markdown>{checked}<br>\n{offline_line}</p>'


# --- the crosswalk ----------------------------------------------------------------


def _crosswalk(data: Data, guide: Guide, writer: LocalizedText, key: str) -> list[str]:
    lang = writer.lang
    japan = escaping.inline(term(LABELS, "guide_japan", lang))
    germany = escaping.inline(term(LABELS, "guide_germany", lang))
    blocks = []
    for group in guide["groups"]:
        parts = [f"## {writer.inline(group['heading'])}"]
        for row in group["rows"]:
            sides = (
                f'<div class="kk-compare kk-crosswalk" markdown>\n\n'
                f'<section markdown>\n\n<p class="kk-crosswalk__side" lang="{lang}">{japan}</p>\n\n'
                f"{writer.paragraphs(row['japan'])}\n\n</section>\n\n"
                f'<section markdown>\n\n<p class="kk-crosswalk__side" lang="{lang}">{germany}</p>\n\n'
                f"{writer.paragraphs(row['germany'])}\n\n</section>\n\n</div>"
            )
            row_parts = [f"### {writer.inline(row['topic'])}", sides]
            if "records" in row:
                row_parts.append(_facilities(data, row["records"], writer, key))
            row_parts.append(_row_sources(row["sources"], lang))
            row_html = "\n\n".join(row_parts)
            parts.append(f'<section class="kk-crosswalk__row" markdown>\n\n{row_html}\n\n</section>')
        blocks.append("\n\n".join(parts))
    return blocks


def _record(data: Data, record_link: str) -> tuple[str, Record]:
    section, record_id = record_link.split("/", 1)
    return section, next(r for r in data.sections[section] if r["id"] == record_id)


def _facilities(data: Data, record_links: list[str], writer: LocalizedText, key: str) -> str:
    lang = writer.lang
    links = []
    for record_link in record_links:
        section, record = _record(data, record_link)
        links.append(link(writer.inline(record["title"]), key, record_key(section, record["id"])))
    joined = term(LABELS, "field_joiner", lang).join(links)
    label = escaping.inline(term(LABELS, "guide_facilities", lang))
    line = term(VALUE_WORDS, "labelled", lang).format(label=label, value=joined)
    return f'<p class="kk-guide__records" markdown>{line}</p>'


def _row_sources(sources: list[Record], lang: str) -> str:
    label = escaping.inline(term(LABELS, "sources", lang))
    links = [external_link(s["url"], s["title"], s["lang"], lang) for s in sources]
    items = term(VALUE_WORDS, "fact_joiner", lang).join(links)
    line = term(VALUE_WORDS, "labelled", lang).format(label=label, value=items)
    return f'<p class="kk-guide__sources">{line}</p>'


# --- taking part -----------------------------------------------------------------

# The headings of a taking-part guide's lists of rows.
_TAKING_PART_HEADINGS = {
    "offers": "guide_offers",
    "contacts": "guide_contacts",
    "not_published": "guide_not_published",
}


def _taking_part(data: Data, guide: Guide, writer: LocalizedText, key: str) -> list[str]:
    """What exists today (or, where nothing is sourced, that nothing is), where to turn,
    and what has not been published: each row with its text, the institution's website,
    links to the records and events it names, and its sources."""
    lang = writer.lang
    blocks = []
    for name in TAKING_PART_LISTS:
        rows = guide.get(name, [])
        if not rows and name != "offers":
            continue
        parts = [f"## {escaping.inline(term(LABELS, _TAKING_PART_HEADINGS[name], lang))}"]
        if not rows:
            nothing = escaping.inline(term(LABELS, "guide_nothing_sourced", lang))
            parts.append(f'<p class="kk-guide__nothing">{nothing}</p>')
        for row in rows:
            row_parts = [f"### {writer.inline(row['topic'])}", writer.paragraphs(row["text"])]
            if "website" in row:
                label = escaping.inline(term(LABELS, "website", lang))
                line = term(VALUE_WORDS, "labelled", lang).format(
                    label=label, value=website_link(row["website"])
                )
                row_parts.append(f'<p class="kk-guide__website">{line}</p>')
            if "records" in row or "events" in row:
                row_parts.append(_named_entries(data, row, writer, key))
            row_parts.append(_row_sources(row["sources"], lang))
            row_html = "\n\n".join(row_parts)
            classes = "kk-crosswalk__row kk-taking-part__row"
            parts.append(f'<section class="{classes}" markdown>\n\n{row_html}\n\n</section>')
        blocks.append("\n\n".join(parts))
    return blocks


def _named_entries(data: Data, row: Record, writer: LocalizedText, key: str) -> str:
    """Links to the records a row names, then to its events on the events page."""
    lang = writer.lang
    links = []
    for record_link in row.get("records", ()):
        section, record = _record(data, record_link)
        links.append(link(writer.inline(record["title"]), key, record_key(section, record["id"])))
    by_id = {event["id"]: event for event in data.events}
    for event_id in row.get("events", ()):
        event = by_id[event_id]
        target = relative_path(f"{events.PAGE_KEY}.md", key) + f"#{event_id}"
        when = escaping.inline(events.when(event, lang))
        title = term(VALUE_WORDS, "timeline_item", lang).format(
            date=when, title=writer.inline(event["title"])
        )
        links.append(f"[{title}]({target})")
    joined = term(LABELS, "field_joiner", lang).join(links)
    label = escaping.inline(term(LABELS, "guide_facilities", lang))
    line = term(VALUE_WORDS, "labelled", lang).format(label=label, value=joined)
    return f'<p class="kk-guide__records" markdown>{line}</p>'


# --- the visitor card -------------------------------------------------------------


class _SourceList:
    """The card's sources, numbered in the order the rows name them, each once."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.sources: list[Record] = []

    def refs(self, sources: list[Record]) -> str:
        """Links from a row to its sources in the list at the end of the card."""
        marks = []
        for source in sources:
            known = [s["url"] for s in self.sources]
            if source["url"] not in known:
                self.sources.append(source)
                known.append(source["url"])
            number = known.index(source["url"]) + 1
            label = escaping.attribute(term(LABELS, "card_source_ref", self.lang).format(number=number))
            marks.append(f'<a href="#kk-source-{number}" aria-label="{label}">{number}</a>')
        return f'<sup class="kk-card__ref">[{",".join(marks)}]</sup>'

    def listing(self) -> str:
        items = [
            f'<li id="kk-source-{number}">{external_link(s["url"], s["title"], s["lang"], self.lang)}</li>'
            for number, s in enumerate(self.sources, start=1)
        ]
        heading = f"## {escaping.inline(term(LABELS, 'sources', self.lang))}"
        return f'{heading}\n\n<ol class="kk-card__sources">{"".join(items)}</ol>'


def _visitor_card(data: Data, guide: Guide, writer: LocalizedText, key: str) -> str:
    lang = writer.lang
    sources = _SourceList(lang)
    words = lambda name: escaping.inline(term(LABELS, name, lang))  # noqa: E731 - a local shorthand
    parts = [writer.paragraphs(guide["summary"])]

    numbers = "".join(
        f'<li><a class="kk-card__number" href="tel:{row["number"]}">{escaping.inline(row["number"])}</a> '
        f"<span>{writer.inline(row['label'])}</span>{sources.refs(row['sources'])}</li>"
        for row in guide["numbers"]
    )
    parts.append(f'## {words("card_numbers")}\n\n<ul class="kk-card__numbers">{numbers}</ul>')

    warnings = []
    for row in guide["warnings"]:
        name = f"<strong>{writer.inline(row['name'])}</strong>"
        if row.get("install"):
            name += f' <span class="kk-card__install">{words("card_install")}</span>'
        warnings.append(f"<li>{name}: {writer.inline(row['text'])}{sources.refs(row['sources'])}</li>")
    parts.append(f'## {words("card_warnings")}\n\n<ul class="kk-card__warnings">{"".join(warnings)}</ul>')

    parts.append(_places(data, guide, writer, key, sources))
    parts.append(_phrases(guide, writer, sources))
    parts.append(sources.listing())
    return '<div class="kk-card" markdown>\n\n' + "\n\n".join(parts) + "\n\n</div>"


def _places(data: Data, guide: Guide, writer: LocalizedText, key: str, sources: _SourceList) -> str:
    lang = writer.lang
    items, located = [], []
    for row in guide["places"]:
        section, record = _record(data, row["record"])
        title = link(writer.inline(record["title"]), key, record_key(section, record["id"]))
        details = [writer.inline(record[name]) for name in ("address", "district") if name in record]
        if not details:
            details.append(writer.inline(record["summary"]))
        text = term(LABELS, "field_joiner", lang).join(details)
        items.append(f"<li markdown>{title}: {text}{sources.refs(row['sources'])}</li>")
        if "location" in record:
            located.append(record)
    city = data.cities[guide["city"]]
    picture = maps.section_city_map(GUIDES_FOLDER, guide["id"], writer.plain(city["name"]), located, writer)
    everything = link(
        escaping.inline(term(LABELS, "card_all_places", lang)),
        key,
        section_index_key("disaster-prevention"),
    )
    heading = f"## {escaping.inline(term(LABELS, 'card_places', lang))}"
    listing = f'<ul class="kk-card__places" markdown>{"".join(items)}</ul>'
    body = listing
    if picture:
        body = f'<div class="kk-card__where" markdown>\n\n{listing}\n\n{picture}\n\n</div>'
    return f"{heading}\n\n{body}\n\n{everything}"


def _phrase_text(phrase: Record) -> str:
    """The phrase in its own language; Japanese with its readings as ``<ruby>``."""
    if phrase["lang"] == "ja" and "furigana" in phrase:
        shown = "".join(
            f"<ruby>{escaping.inline(base)}<rt>{escaping.inline(reading)}</rt></ruby>"
            if reading
            else escaping.inline(base)
            for base, reading in furigana_parts(phrase["furigana"])
        )
    else:
        shown = escaping.inline(phrase["text"])
    return f'<span lang="{phrase["lang"]}">{shown}</span>'


def _reading(phrase: Record, lang: str) -> str:
    """Romaji for a Japanese phrase; katakana for a German phrase, for Japanese readers."""
    if phrase["lang"] == "ja" and "romaji" in phrase:
        return f'<span lang="ja-Latn">{escaping.inline(phrase["romaji"])}</span>'
    if phrase["lang"] == "de" and "kana" in phrase and lang == "ja":
        return f'<span lang="ja">{escaping.inline(phrase["kana"])}</span>'
    return ""


def _phrases(guide: Guide, writer: LocalizedText, sources: _SourceList) -> str:
    lang = writer.lang
    rows = []
    phrases = guide["phrases"]
    readings = [_reading(phrase, lang) for phrase in phrases]
    with_reading = any(readings)
    # A reader of the phrases' own language needs no column that repeats them.
    with_meaning = any(writer.plain(p["meaning"]) != p["text"] for p in phrases)
    for phrase, reading in zip(phrases, readings, strict=True):
        cells = [_phrase_text(phrase)]
        if with_reading:
            cells.append(reading)
        if with_meaning:
            cells.append(writer.inline(phrase["meaning"]))
        cells[-1] += sources.refs(phrase["sources"])
        rows.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
    headers = ["card_phrase", *(["card_reading"] if with_reading else [])]
    headers += ["card_meaning"] if with_meaning else []
    head = "".join(f'<th scope="col">{escaping.inline(term(LABELS, h, lang))}</th>' for h in headers)
    body = "".join(rows)
    table = f'<table class="kk-card__phrases"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
    return f"## {escaping.inline(term(LABELS, 'card_phrases', lang))}\n\n{table}"


# --- the playbook -----------------------------------------------------------------


def _playbook(data: Data, guide: Guide, writer: LocalizedText, key: str) -> list[str]:
    lang = writer.lang
    blocks = []
    for number, step in enumerate(guide["steps"], start=1):
        label = term(LABELS, "playbook_step", lang).format(number=number)
        heading = term(VALUE_WORDS, "labelled", lang).format(
            label=escaping.inline(label), value=writer.inline(step["heading"])
        )
        parts = [f"## {heading}"]
        if not step["confirmed"]:
            parts.append(f'<p class="kk-playbook__status">{_not_yet_confirmed(lang)}</p>')
        parts.append(writer.paragraphs(step["text"]))
        if "records" in step:
            parts.append(_facilities(data, step["records"], writer, key))
        if "items" in step:
            items = "".join(_playbook_item(item, writer) for item in step["items"])
            parts.append(f'<ul class="kk-playbook__items">{items}</ul>')
        parts.append(_row_sources(step["sources"], lang))
        parts.append(f'<p class="kk-playbook__checked">{_checked_on(step["checked"], lang)}</p>')
        body = "\n\n".join(parts)
        step_id = escaping.attribute(step["id"])
        section = f'<section class="kk-playbook__step" id="step-{step_id}" markdown>'
        blocks.append(f"{section}\n\n{body}\n\n</section>")
    other = data.guides.get(guide["counterpart"])
    if other is not None:
        target = link(writer.inline(other["title"]), key, guide_key(other["id"]))
        labelled = term(VALUE_WORDS, "labelled", lang)
        line = labelled.format(label=_word("playbook_counterpart", lang), value=target)
        blocks.append(f'<p class="kk-playbook__counterpart" markdown>{line}</p>')
    return blocks


def _word(name: str, lang: str) -> str:
    return escaping.inline(term(LABELS, name, lang))


def _not_yet_confirmed(lang: str) -> str:
    return f'<strong class="kk-playbook__unconfirmed">{_word("not_yet_confirmed", lang)}</strong>'


def _time(date: str, lang: str) -> str:
    shown = escaping.inline(formatting.partial_date(date, lang))
    return f'<time datetime="{escaping.attribute(date)}">{shown}</time>'


def _checked_on(date: str, lang: str) -> str:
    labelled = term(VALUE_WORDS, "labelled", lang)
    return labelled.format(label=_word("checked_on", lang), value=_time(date, lang))


def _amount(amount: Record, writer: LocalizedText) -> str:
    lang = writer.lang
    shown = escaping.inline(formatting.money(amount["value"], amount["currency"], lang))
    if amount.get("up_to"):
        shown = term(VALUE_WORDS, "up_to", lang).format(amount=shown)
    return term(VALUE_WORDS, "amount_per", lang).format(amount=shown, per=writer.inline(amount["per"]))


def _playbook_item(item: Record, writer: LocalizedText) -> str:
    """One place, office, procedure or programme of a step: what it is, its amounts and deadline,
    its sources and the day they were checked; "not yet confirmed" beside its name where no
    source confirms it."""
    lang = writer.lang
    labelled = term(VALUE_WORDS, "labelled", lang).format
    joiner = term(VALUE_WORDS, "fact_joiner", lang)
    head = f"<strong>{writer.inline(item['name'])}</strong>"
    if not item["confirmed"]:
        head += f" {_not_yet_confirmed(lang)}"
    lines = [labelled(label=head, value=writer.inline(item["text"]))]
    facts = []
    if "amounts" in item:
        amounts = joiner.join(_amount(amount, writer) for amount in item["amounts"])
        facts.append(labelled(label=_word("playbook_amount", lang), value=amounts))
    if "deadline" in item:
        facts.append(labelled(label=_word("playbook_deadline", lang), value=_time(item["deadline"], lang)))
    # Each labelled fact on a line of its own, and the day checked below the sources: joined with
    # the list separator (、 in Japanese), they would read as one run-on list.
    lines.extend(f'<span class="kk-playbook__facts">{fact}</span>' for fact in facts)
    links = joiner.join(external_link(s["url"], s["title"], s["lang"], lang) for s in item["sources"])
    sources = labelled(label=_word("sources", lang), value=links)
    checked = _checked_on(item["checked"], lang)
    lines.append(f'<span class="kk-guide__sources">{sources}</span>')
    lines.append(f'<span class="kk-playbook__checked">{checked}</span>')
    return '<li class="kk-playbook__item">' + "<br>\n".join(lines) + "</li>"
