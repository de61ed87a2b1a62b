"""The founders' playbooks: two guides of kind playbook, Bochum → Tsukuba and back.

Their data is checked with exact messages (kakehashi.sources.guide_files): both
directions have the same steps in the same order, and a bad field is named with
its file and line. Their pages (kakehashi.site.guides) are read from a real build:
three languages, the steps in the same order, every step's sources and checked
date, and "not yet confirmed" where no source confirms a step or item.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, page_to_html, run_mkdocs_build
from conftest import edit_guide as edit
from conftest import guide_line as line_of
from conftest import source_problems as problems
from kakehashi.site import formatting
from kakehashi.site.whole_site import load_site
from kakehashi.sources.loader import load_data

OUT = "founders-bochum-to-tsukuba"
BACK = "founders-tsukuba-to-bochum"
PREFIX = {"de": "", "ja": "ja/", "en": "en/"}
NOT_YET_CONFIRMED = {"de": "Noch nicht bestätigt", "ja": "未確認", "en": "Not yet confirmed"}
CHECKED_ON = {"de": "Geprüft am", "ja": "確認日", "en": "Checked on"}


def step_ids(guide: dict) -> list[str]:
    return [step["id"] for step in guide["steps"]]


# --- the data ----------------------------------------------------------------------


def test_the_two_directions_have_the_same_steps_and_name_each_other() -> None:
    guides = load_data(ROOT).guides
    out, back = guides[OUT], guides[BACK]
    assert out["kind"] == back["kind"] == "playbook"
    assert (out["from"], out["to"], out["counterpart"]) == ("bochum", "tsukuba", BACK)
    assert (back["from"], back["to"], back["counterpart"]) == ("tsukuba", "bochum", OUT)
    steps = ["first-week-workplace", "contact", "residence-and-registration", "support-programmes"]
    assert step_ids(out) == step_ids(back) == steps
    # Every step and every item has its sources and the day they were read; amounts in € and ¥.
    for guide in (out, back):
        for step in guide["steps"]:
            assert step["sources"] and re.fullmatch(r"\d{4}-\d{2}-\d{2}", step["checked"])
            for item in step.get("items", ()):
                assert item["sources"] and re.fullmatch(r"\d{4}-\d{2}-\d{2}", item["checked"])
    currencies = {
        amount["currency"]
        for guide in (out, back)
        for step in guide["steps"]
        for item in step.get("items", ())
        for amount in item.get("amounts", ())
    }
    assert currencies == {"EUR", "JPY"}


def test_a_step_that_differs_from_its_counterpart_is_named_in_both_files(project_copy: Path) -> None:
    edit(project_copy, BACK, "  - id: support-programmes", "  - id: funding")
    out_line = line_of(project_copy, OUT, "  - id: support-programmes")
    back_line = line_of(project_copy, BACK, "  - id: funding")
    assert problems(project_copy) == [
        f"data/guides/{OUT}.yml:{out_line}:9: steps[4].id: step 4 is 'support-programmes', but step 4 of "
        f"data/guides/{BACK}.yml is 'funding'; both playbooks have the same steps in the same order",
        f"data/guides/{BACK}.yml:{back_line}:9: steps[4].id: step 4 is 'funding', but step 4 of "
        f"data/guides/{OUT}.yml is 'support-programmes';"
        " both playbooks have the same steps in the same order",
    ]


def test_steps_in_another_order_are_refused(project_copy: Path) -> None:
    path = project_copy / "data" / "guides" / f"{BACK}.yml"
    text = path.read_text("utf-8")
    start, middle = text.index("  - id: contact"), text.index("  - id: residence-and-registration")
    end = text.index("  - id: support-programmes")
    # The second and third steps change places.
    path.write_text(text[:start] + text[middle:end] + text[start:middle] + text[end:], "utf-8")
    found = problems(project_copy)
    assert len(found) == 2
    assert found[0].startswith(f"data/guides/{OUT}.yml:{line_of(project_copy, OUT, '  - id: contact')}:9: ")
    assert "steps[2].id: step 2 is 'contact', but step 2 of" in found[0]
    assert f"data/guides/{BACK}.yml is 'residence-and-registration'" in found[0]
    back_line = line_of(project_copy, BACK, "  - id: residence-and-registration")
    assert found[1].startswith(f"data/guides/{BACK}.yml:{back_line}:9: steps[2].id: step 2 is ")


def test_a_missing_last_step_is_named(project_copy: Path) -> None:
    path = project_copy / "data" / "guides" / f"{BACK}.yml"
    text = path.read_text("utf-8")
    path.write_text(text[: text.index("\n  - id: support-programmes")] + "\n", "utf-8")
    out_line = line_of(project_copy, OUT, "  - id: support-programmes")
    back_line = line_of(project_copy, BACK, "  - id: residence-and-registration")
    assert problems(project_copy) == [
        f"data/guides/{OUT}.yml:{out_line}:9: steps[4].id: step 4 'support-programmes' has no counterpart:"
        f" data/guides/{BACK}.yml has 3 steps; both playbooks have the same steps in the same order",
        f"data/guides/{BACK}.yml:{back_line}:5: steps[3]: the step 'support-programmes' of"
        f" data/guides/{OUT}.yml (step 4) is missing after this one;"
        " both playbooks have the same steps in the same order",
    ]


def test_a_counterpart_that_does_not_exist_or_goes_the_same_way_is_refused(project_copy: Path) -> None:
    edit(project_copy, BACK, f"counterpart: {OUT}", "counterpart: founders-nowhere")
    line = line_of(project_copy, BACK, "counterpart:")
    out_line = line_of(project_copy, OUT, "counterpart:")
    assert problems(project_copy) == [
        f"data/guides/{OUT}.yml:{out_line}:14: counterpart: data/guides/{BACK}.yml does not name this"
        f" playbook as its counterpart; write counterpart: {OUT} there",
        f"data/guides/{BACK}.yml:{line}:14: counterpart: the counterpart"
        " data/guides/founders-nowhere.yml does not exist",
    ]
    edit(project_copy, BACK, "counterpart: founders-nowhere", f"counterpart: {OUT}")
    edit(project_copy, BACK, "to: bochum", "to: tokyo")
    found = problems(project_copy)
    from_line = line_of(project_copy, OUT, "from: bochum")
    assert found[0].startswith(f"data/guides/{OUT}.yml:{from_line}:7: from: 'from' must be the 'to' of")
    assert found[-1] == (
        f"data/guides/{BACK}.yml:{line_of(project_copy, BACK, 'to: tokyo')}:5: to: 'to' must be the 'from' of"
        f" data/guides/{OUT}.yml (bochum): a counterpart goes the other way"
    )


def test_a_bad_field_is_named_with_its_file_and_line(project_copy: Path) -> None:
    heading = line_of(project_copy, OUT, "  - id: contact")
    edit(project_copy, OUT, "    confirmed: true\n", "    confirmed: true\n    colour: red\n")
    currency = line_of(project_copy, OUT, "currency: JPY")
    edit(project_copy, OUT, "currency: JPY", "currency: USD")
    record = line_of(project_copy, BACK, "ecosystem/bermuda-hub")
    edit(project_copy, BACK, "ecosystem/bermuda-hub", "ecosystem/bermuda")
    confirmed = line_of(project_copy, BACK, "    confirmed: false")
    edit(project_copy, BACK, "    confirmed: false", '    confirmed: "no"')
    confirmed_line = line_of(project_copy, OUT, "    confirmed: true", start=heading)
    assert problems(project_copy) == [
        f"data/guides/{OUT}.yml:{confirmed_line + 1}:5: steps[2].colour: unknown field 'colour';"
        " allowed here: checked, confirmed, heading, id, items, records, sources, text",
        f"data/guides/{OUT}.yml:{currency}:23: steps[4].items[1].amounts[1].currency: 'USD' is not"
        " allowed; use one of: EUR, JPY",
        f"data/guides/{BACK}.yml:{confirmed}:16: steps[1].confirmed: expected true or false, found 'no'",
        f"data/guides/{BACK}.yml:{record}:9: steps[1].records[2]: there is no record 'bermuda'"
        " in data/ecosystem.yml",
    ]


def test_record_links_name_any_section_but_a_place_stays_in_disaster_prevention(project_copy: Path) -> None:
    edit(project_copy, OUT, "      - ecosystem/co-en-tsukuba", "      - ecosystems/co-en-tsukuba")
    link = line_of(project_copy, OUT, "ecosystems/co-en-tsukuba")
    place = line_of(
        project_copy, "visitor-card-bochum", "disaster-prevention/kiez-heinrich-boell-gesamtschule"
    )
    edit(
        project_copy,
        "visitor-card-bochum",
        "disaster-prevention/kiez-heinrich-boell-gesamtschule",
        "ecosystem/bochum-wirtschaftsentwicklung",
    )
    assert problems(project_copy) == [
        f"data/guides/{OUT}.yml:{link}:9: steps[1].records[3]: write the section and the id of a record, e.g."
        " disaster-prevention/kiez-bochum or ecosystem/tsukuba-startup-park (sections: projects, ecosystem,"
        " cycling, disaster-prevention) (found 'ecosystems/co-en-tsukuba')",
        f"data/guides/visitor-card-bochum.yml:{place}:13: places[2].record: a place on a visitor card is a"
        " record of the disaster-prevention section: write disaster-prevention/ and its id, e.g."
        " disaster-prevention/kiez-bochum (found 'ecosystem/bochum-wirtschaftsentwicklung')",
    ]


# --- the Markdown ------------------------------------------------------------------


def test_amounts_are_written_as_each_language_writes_money() -> None:
    assert formatting.money(1200, "EUR", "de") == "1.200\u00a0€"
    assert formatting.money(1200, "EUR", "ja") == "1,200ユーロ"
    assert formatting.money(1200, "EUR", "en") == "€1,200"
    assert formatting.money(75000, "JPY", "de") == "75.000\u00a0Yen"
    assert formatting.money(75000, "JPY", "ja") == "75,000円"
    assert formatting.money(75000, "JPY", "en") == "¥75,000"


HOSTILE = '<script>alert("x")</script> *bold* [link](http://evil.example) & <!-- c -->'


def test_step_and_item_text_is_shown_as_text(project_copy: Path) -> None:
    path = project_copy / "data" / "guides" / f"{OUT}.yml"
    text = path.read_text("utf-8")
    quoted = yaml.safe_dump(HOSTILE, allow_unicode=True, width=1000).strip().removesuffix("...").strip()
    for old in (
        '"Whom to contact"',
        '"a month in the first year"',
        '"Bochum Wirtschaftsentwicklung, before you leave"',
    ):
        assert old in text
        text = text.replace(old, quoted, 1)
    path.write_text(text, "utf-8")
    body, _ = page_to_html(load_site(project_copy).markdown(f"guides/{OUT}", "en"))
    assert "<script" not in body and "<strong>bold</strong>" not in body and "<!--" not in body
    assert not any("evil" in href for href in re.findall(r'href="([^"#][^"]*)"', body))
    assert html.unescape(body).count(HOSTILE) == 3


# --- the pages of a real build ------------------------------------------------------


def _page(site: Path, lang: str, path: str) -> str:
    return (site / PREFIX[lang] / path / "index.html").read_text("utf-8")


def _steps(page: str) -> list[tuple[str, str]]:
    """Each step's id and its HTML, in the order of the page."""
    return re.findall(
        r'<section class="kk-playbook__step" id="step-([a-z0-9-]+)">(.*?)</section>', page, re.S
    )


@pytest.mark.parametrize("lang", PREFIX)
def test_both_playbooks_show_their_steps_in_the_same_order_with_sources_and_dates(
    built_site: Path, lang: str
) -> None:
    guides = load_data(ROOT).guides
    pages = {guide_id: _page(built_site, lang, f"guides/{guide_id}") for guide_id in (OUT, BACK)}
    for guide_id, page in pages.items():
        assert f'<html lang="{lang}"' in page
        steps = _steps(page)
        assert [step_id for step_id, _ in steps] == step_ids(guides[guide_id])
        pairs = zip(steps, guides[guide_id]["steps"], strict=True)
        for number, ((_, shown), step) in enumerate(pairs, start=1):
            # The numbered heading, each source of the step and of its items, and the day they were checked.
            heading = re.search(r"<h2[^>]*>(.*?)<a class=\"headerlink\"", shown, re.S).group(1)
            assert re.match(rf"(Schritt |ステップ|Step ){number}[:：]", html.unescape(heading))
            for source in [*step["sources"], *(s for item in step.get("items", ()) for s in item["sources"])]:
                assert f'<a href="{html.escape(source["url"])}" hreflang="{source["lang"]}"' in shown
            checked = f'{CHECKED_ON[lang]}{"：" if lang == "ja" else ": "}<time datetime="{step["checked"]}">'
            assert checked in shown
            items = step.get("items", ())
            assert shown.count(f"{CHECKED_ON[lang]}") == 1 + len(items)
            # "Not yet confirmed" under the heading of an unconfirmed step, and beside each unconfirmed item.
            label = f'<strong class="kk-playbook__unconfirmed">{NOT_YET_CONFIRMED[lang]}</strong>'
            assert ('<p class="kk-playbook__status">' + label in shown) is (not step["confirmed"])
            unconfirmed = (not step["confirmed"]) + sum(not item["confirmed"] for item in items)
            assert shown.count(label) == unconfirmed
    assert [i for i, _ in _steps(pages[OUT])] == [i for i, _ in _steps(pages[BACK])]
    # The first step of either direction is not confirmed: no source names the co-working spaces.
    assert NOT_YET_CONFIRMED[lang] in _steps(pages[OUT])[0][1]
    # Each links the other direction, and the listing of guides lists both.
    assert f'href="../{BACK}/"' in pages[OUT] and f'href="../{OUT}/"' in pages[BACK]
    listing = _page(built_site, lang, "guides")
    assert f'href="{OUT}/"' in listing and f'href="{BACK}/"' in listing


def test_amounts_and_records_reach_the_pages(built_site: Path) -> None:
    assert "bis zu 75.000\u00a0Yen im Monat im ersten Jahr" in _page(built_site, "de", f"guides/{OUT}")
    assert "1年目は月額最大75,000円" in _page(built_site, "ja", f"guides/{OUT}")
    assert "€1,200 gross per person and month" in _page(built_site, "en", f"guides/{BACK}")
    assert '<time datetime="2026-01">' in _page(built_site, "en", f"guides/{OUT}")
    assert 'href="../../ecosystem/tsukuba-startup-park/"' in _page(built_site, "ja", f"guides/{OUT}")


@pytest.mark.parametrize("lang", PREFIX)
def test_the_founders_pages_link_both_playbooks(built_site: Path, lang: str) -> None:
    for page in ("founders-guide", "startup-mou"):
        shown = _page(built_site, lang, page)
        assert f'href="../guides/{OUT}/"' in shown and f'href="../guides/{BACK}/"' in shown, page


@pytest.mark.build
def test_a_playbook_whose_steps_differ_stops_the_build(project_copy: Path, tmp_path: Path) -> None:
    edit(project_copy, OUT, "  - id: contact", "  - id: contacts")
    line = line_of(project_copy, OUT, "  - id: contacts")
    result = run_mkdocs_build(project_copy, tmp_path / "site")
    assert result.returncode != 0
    assert (
        f"data/guides/{OUT}.yml:{line}:9: steps[2].id: step 2 is 'contacts', but step 2 of"
        f" data/guides/{BACK}.yml is 'contact'"
    ) in result.stderr
    assert not (tmp_path / "site" / "guides").exists()
