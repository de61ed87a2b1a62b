"""A generated page's source reads as MkDocs' own reader reads it."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from conftest import ROOT
from kakehashi.mkdocs_adapter.speedups.generated_source import FRONT_MATTER, read_source
from kakehashi.site.languages import LANGUAGES
from kakehashi.site.markdown_blocks import front_matter
from kakehashi.site.whole_site import load_site


def test_every_generated_page_reads_as_mkdocs_reads_it_without_yaml() -> None:
    site = load_site(ROOT)
    sources = [site.markdown(key, lang) for key in site.page_keys() for lang in LANGUAGES]
    assert len(sources) > 150
    assert [read_source(source) for source in sources] == [get_data(source) for source in sources]
    # Every page but the editors' own has the front matter that is read without YAML.
    read_without_yaml = [source for source in sources if FRONT_MATTER.match(source)]
    assert len(read_without_yaml) == len(sources) - len(LANGUAGES) * len(site.editorial)


@settings(max_examples=300, deadline=None)
@given(title=st.text(), description=st.text())
@example(title="Radweg\x85Nord", description="NEL is a line break in YAML")
@example(title="Steuer\x7fzeichen", description="C1 \x9b and DEL are refused by YAML")
@example(title="\ud83d alone", description="a lone surrogate")
@example(title="\ufeffBOM", description="\u2028 and \u2029")
@example(title='"quoted" \\ back\tslash\n', description="\x00\x1b\x08\x0c")
@example(title="😀 つくば ⇄ Bochum", description="")
def test_any_title_reads_as_mkdocs_reads_it(title: str, description: str) -> None:
    source = f"{front_matter(title, description)}\n\n# Heading\n\nText.\n"
    assert read_source(source) == get_data(source)


def test_a_source_in_another_shape_goes_to_mkdocs_reader() -> None:
    source = "---\ntitle: Plain\ntags: [a, b]\n---\n\nText.\n"
    assert read_source(source) == ("Text.\n", {"title": "Plain", "tags": ["a", "b"]})
