"""Topic pages: everything tagged with a topic, in every section, and an overview of the topics."""

from __future__ import annotations

from kakehashi.site import escaping, formatting
from kakehashi.site.glossary import LABELS, SECTION_TITLES, TOPICS, term
from kakehashi.site.markdown_blocks import LocalizedText, front_matter, link, page
from kakehashi.site.record_pages import CARDS_PER_PAGE
from kakehashi.site.records_view import RecordsQuery, no_records, render_selection, select
from kakehashi.site.urls import TOPICS_INDEX_KEY, topic_key
from kakehashi.sources.loader import SECTION_IDS, TOPIC_IDS, Data


def topic_page_keys() -> list[str]:
    return [TOPICS_INDEX_KEY, *(topic_key(topic) for topic in TOPIC_IDS)]


def tagged_count(data: Data, topic: str) -> int:
    return sum(topic in record.get("topics", ()) for records in data.sections.values() for record in records)


def render_topic(data: Data, topic: str, lang: str) -> str:
    """The records tagged with ``topic``, grouped by section, as the cards of their section;
    where a section has more of them than an index page has cards, as a list of titles
    (one page, light on a phone and quick to render again while serving)."""
    writer = LocalizedText(lang)
    key = topic_key(topic)
    name = term(TOPICS, topic, lang)
    intro = term(LABELS, "topic_intro", lang).format(topic=name)
    blocks = [escaping.inline(intro)]
    for section in SECTION_IDS:
        records = select(data, RecordsQuery(section, topics=frozenset({topic})), lang)
        if records:
            heading = f"## {escaping.inline(term(SECTION_TITLES, section, lang))}"
            view = "cards" if len(records) <= CARDS_PER_PAGE else "list"
            blocks.append(f"{heading}\n\n{render_selection(data, section, records, view, key, writer)}")
    if len(blocks) == 1:
        blocks.append(no_records(lang))
    return page(front_matter(name, intro), escaping.inline(name), writer.notice(), blocks)


def render_topics_index(data: Data, lang: str) -> str:
    """Every topic with the number of entries tagged with it."""
    items = []
    for topic in TOPIC_IDS:
        name = escaping.inline(term(TOPICS, topic, lang))
        count = formatting.counted("records", tagged_count(data, topic), lang)
        title = link(f"__{name}__", TOPICS_INDEX_KEY, topic_key(topic))
        items.append(f"-   {title}\n\n    {escaping.inline(count)}")
    listing = '<div class="grid cards" markdown>\n\n' + "\n\n".join(items) + "\n\n</div>"
    title = term(LABELS, "topics", lang)
    intro = term(LABELS, "topics_intro", lang)
    return page(front_matter(title, intro), escaping.inline(title), "", [escaping.inline(intro), listing])
