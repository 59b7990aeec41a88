"""Boilerplate removal: exact cleaned text, exact removals, and an exact offset map."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from redline.ingest.clean import clean, load_lexicon, to_raw
from redline.errors import RedlineError
from redline.models import Removal, Segment

HEADLINE = "Talks on guarantees resume in Geneva"
PARAGRAPH_1 = "Negotiators met on Monday to discuss a ceasefire, officials said."
PARAGRAPH_2 = "The delegations will meet again next week, a diplomat said."


def _assert_round_trip(raw: str) -> None:
    cleaned = clean(raw)
    for i in range(len(cleaned.text)):
        assert cleaned.text[i] == raw[to_raw(i, cleaned.segments)]


def test_clean_removes_newsletter_prompt_with_exact_offsets() -> None:
    raw = f"{HEADLINE}\n\nSign up now: Get our newsletters delivered to your inbox\n\n{PARAGRAPH_1}"
    cleaned = clean(raw)
    assert cleaned.text == f"{HEADLINE}\n\n{PARAGRAPH_1}"
    prompt = "Sign up now: Get our newsletters delivered to your inbox"
    start = raw.index(prompt)
    assert cleaned.removed == [Removal(start, start + len(prompt), "newsletter prompt", prompt)]
    assert cleaned.segments == [
        Segment(0, 0, len(HEADLINE) + 2),
        Segment(len(HEADLINE) + 2, start + len(prompt) + 2, len(PARAGRAPH_1)),
    ]


def test_clean_keeps_text_without_boilerplate_except_outer_whitespace() -> None:
    raw = f"\n  {HEADLINE}\n{PARAGRAPH_1}\n\n\n\n{PARAGRAPH_2}\n\n"
    cleaned = clean(raw)
    assert cleaned.text == f"{HEADLINE}\n{PARAGRAPH_1}\n\n\n\n{PARAGRAPH_2}"
    assert cleaned.removed == []
    assert cleaned.segments == [Segment(0, 3, len(cleaned.text))]


def test_clean_collapses_blank_lines_left_by_a_deletion() -> None:
    raw = f"{PARAGRAPH_1}\n\n\nShare this article\n\n\n{PARAGRAPH_2}"
    cleaned = clean(raw)
    assert cleaned.text == f"{PARAGRAPH_1}\n\n{PARAGRAPH_2}"
    assert [r.reason for r in cleaned.removed] == ["follow/share prompt"]
    _assert_round_trip(raw)


def test_clean_segments_map_every_character_back_to_the_raw_text() -> None:
    raw = (
        "- Home\n- World\n"
        f"{HEADLINE}\n\nFollow topic:\n\n{PARAGRAPH_1}\n\nA soldier stands guard near the border.\n\n"
        "A soldier stands guard near the border.\n\nPHOTO: AFP\n\n"
        f"{PARAGRAPH_2}\n\nRead more\nTalks stall again\nA new round is planned\n\n"
        "Leave a Reply\nYour email address will not be published.\n"
    )
    cleaned = clean(raw)
    assert cleaned.text == f"{HEADLINE}\n\n{PARAGRAPH_1}\n\n{PARAGRAPH_2}"
    rng = random.Random(7)
    for i in rng.sample(range(len(cleaned.text)), 60) + [0, len(cleaned.text) - 1]:
        assert cleaned.text[i] == raw[to_raw(i, cleaned.segments)]
    for removal in cleaned.removed:
        assert raw[removal.raw_start : removal.raw_end] == removal.text


def test_clean_to_raw_maps_the_end_offset_and_rejects_outside_offsets() -> None:
    raw = f"{PARAGRAPH_1}\nAdvertisement\n{PARAGRAPH_2}"
    cleaned = clean(raw)
    assert to_raw(len(cleaned.text), cleaned.segments) == len(raw)
    assert to_raw(len(PARAGRAPH_1) + 1, cleaned.segments) == raw.index(PARAGRAPH_2)
    with pytest.raises(ValueError):
        to_raw(len(cleaned.text) + 1, cleaned.segments)


def test_clean_removes_repeated_caption_and_its_photo_credit() -> None:
    caption = "Delegates arrive for the talks in Geneva on Monday."
    raw = f"{HEADLINE}\n\n{caption}\n\n{caption}\n\nPHOTO: REUTERS\n\n{PARAGRAPH_1}"
    cleaned = clean(raw)
    assert cleaned.text == f"{HEADLINE}\n\n{PARAGRAPH_1}"
    assert [(r.reason, r.text) for r in cleaned.removed] == [
        ("repeated caption", f"{caption}\n\n{caption}"),
        ("photo credit", "PHOTO: REUTERS"),
    ]


def test_clean_keeps_a_line_repeated_far_apart_and_table_rows() -> None:
    raw = "| Round | City | Date |\n| Round | City | Date |\nWe will not accept this at all.\n"
    raw += f"{PARAGRAPH_1}\nWe will not accept this at all."
    assert clean(raw).text == raw


def test_clean_removes_photo_credits_and_captioned_credits() -> None:
    raw = (
        f"{PARAGRAPH_1}\nSergei Ivanov/Reuters\nThe foreign ministers shake hands. Photo: AP\n"
        f"Фото: ТАСС\n{PARAGRAPH_2}"
    )
    cleaned = clean(raw)
    assert cleaned.text == f"{PARAGRAPH_1}\n{PARAGRAPH_2}"
    assert [r.reason for r in cleaned.removed] == ["photo credit", "photo caption", "photo credit"]


def test_clean_removes_a_trailing_related_list_with_its_links() -> None:
    raw = f"{PARAGRAPH_1}\n\nRelated stories\nTalks stall over border line\nEnvoys head to Ankara"
    cleaned = clean(raw)
    assert cleaned.text == PARAGRAPH_1
    assert cleaned.removed == [
        Removal(len(PARAGRAPH_1) + 2, len(raw), "related list", raw[len(PARAGRAPH_1) + 2 :])
    ]


def test_clean_keeps_short_lines_under_a_heading_when_text_follows() -> None:
    raw = f"{PARAGRAPH_1}\nSee also:\nTalks stall over border line\n{PARAGRAPH_2}"
    cleaned = clean(raw)
    assert cleaned.text == f"{PARAGRAPH_1}\nTalks stall over border line\n{PARAGRAPH_2}"
    assert [r.text for r in cleaned.removed] == ["See also:"]


def test_clean_removes_a_list_of_links_that_ends_at_a_blank_line() -> None:
    note = "[Example text written for the tests.]"
    raw = f"{PARAGRAPH_1}\n\nRead more:\nTalks stall over border line\nEnvoys head to Ankara\n\n{note}"
    cleaned = clean(raw)
    assert cleaned.text == f"{PARAGRAPH_1}\n\n{note}"
    assert [r.text for r in cleaned.removed] == ["Read more:\nTalks stall over border line\nEnvoys head to Ankara"]


def test_clean_removes_advertisement_and_paywall_lines() -> None:
    raw = f"{PARAGRAPH_1}\nAdvertisement\n{PARAGRAPH_2}\nTo continue reading this article, subscribe today."
    cleaned = clean(raw)
    assert cleaned.text == f"{PARAGRAPH_1}\n{PARAGRAPH_2}"
    assert [r.reason for r in cleaned.removed] == ["advertisement", "subscription prompt"]


def test_clean_removes_inline_read_more_links() -> None:
    raw = f"{PARAGRAPH_1}\nREAD MORE: Envoys head to Ankara for a new round\n{PARAGRAPH_2}"
    assert clean(raw).text == f"{PARAGRAPH_1}\n{PARAGRAPH_2}"


def test_clean_removes_comment_forms() -> None:
    raw = (
        f"{PARAGRAPH_1}\n\nRecent Articles\n\nLeave a Reply\n\nPlease enter your comment!\n"
        "Please enter your name here\nYou have entered an incorrect email address!\n"
        "Save my name, email, and website in this browser for the next time I comment."
    )
    cleaned = clean(raw)
    assert cleaned.text == PARAGRAPH_1
    assert [r.reason for r in cleaned.removed] == ["related list", "comment form"]


def test_clean_removes_a_donation_appeal_paragraph() -> None:
    appeal = "Enjoyed this analysis? Consider supporting our work and buy us a coffee. Thank you!"
    raw = f"{PARAGRAPH_1}\n{appeal}\nDonate"
    cleaned = clean(raw)
    assert cleaned.text == PARAGRAPH_1
    assert cleaned.removed == [Removal(len(PARAGRAPH_1) + 1, len(raw), "donation appeal", f"{appeal}\nDonate")]


@pytest.mark.parametrize(
    "line",
    [
        "Share prices fell 3% on Monday.",
        "Follow the money, he said.",
        "More than 100 people were killed.",
        "Latest: Kremlin says talks will resume",
        "Read more about the plan here.",
        "Credit rating agencies downgraded Russia.",
        "Top officials met in Ankara on Friday.",
        "Comments by the minister drew criticism.",
        "MOSCOW (Reuters) -",
        "Reuters",
    ],
)
def test_clean_keeps_lines_of_reporting_that_start_like_boilerplate(line: str) -> None:
    raw = f"{PARAGRAPH_1}\n{line}\n{PARAGRAPH_2}"
    assert clean(raw).text == raw


def test_clean_keeps_reporting_and_quotes_about_support_and_donations() -> None:
    raw = (
        "Germany said it would consider supporting a monitoring mission.\n"
        "We hope our partners will consider supporting us, the minister said.\n"
        "“Please donate to the relief fund,” the mayor told residents.\n"
        "The newsletter of the ministry said talks would resume."
    )
    assert clean(raw).text == raw


@pytest.mark.parametrize(
    "footer",
    [
        "Переведено сервисом «Яндекс Переводчик»",
        "Translated by Google Translate",
        "This article was machine translated from Russian.",
        "Traduit par DeepL",
        "Übersetzt mit DeepL.",
    ],
)
def test_clean_removes_translation_footers_in_any_language(footer: str) -> None:
    cleaned = clean(f"{PARAGRAPH_1}\n{footer}")
    assert cleaned.text == PARAGRAPH_1
    assert [(r.reason, r.text) for r in cleaned.removed] == [("translation footer", footer)]


def test_clean_removes_leading_breadcrumbs_and_the_repeated_headline_crumb() -> None:
    raw = f"- News\n- World\n- {HEADLINE}\n{HEADLINE}\n{PARAGRAPH_1}"
    cleaned = clean(raw)
    assert cleaned.text == f"{HEADLINE}\n{PARAGRAPH_1}"
    assert cleaned.removed == [Removal(0, raw.index(f"\n{HEADLINE}\n"), "navigation", f"- News\n- World\n- {HEADLINE}")]


def test_clean_keeps_dash_quotes_and_leading_summary_points() -> None:
    summary = "- Envoys agree to a second round of talks in Geneva\n- Moscow repeats its demand on NATO membership\n"
    quotes = (
        f"{PARAGRAPH_1}\n— We recognise the interests of both sides, the minister said.\n"
        "- Nobody talks about guarantees for us, he added. — This is a key element.\n"
        f"{PARAGRAPH_2}"
    )
    assert clean(summary + quotes).text == summary + quotes


def test_clean_removes_leading_menu_and_trailing_copyright() -> None:
    menu = "Skip to main content\nHome > World > Europe"
    raw = f"{menu}\n{HEADLINE}\n{PARAGRAPH_1}\n© 2026 Example Media. All rights reserved."
    cleaned = clean(raw)
    assert cleaned.text == f"{HEADLINE}\n{PARAGRAPH_1}"
    assert [r.reason for r in cleaned.removed] == ["navigation", "copyright notice"]


def test_clean_load_lexicon_names_file_and_entry_of_a_bad_pattern(tmp_path: Path) -> None:
    path = tmp_path / "boilerplate.yaml"
    path.write_text(
        "limits: {line_max_chars: 250, paragraph_max_chars: 800, list_item_max_chars: 160,\n"
        "  list_max_items: 15, caption_min_words: 4, caption_max_chars: 300, breadcrumb_max_words: 5}\n"
        "bullet: '-\\s+'\nlines:\n  newsletter prompt:\n    - 'sign up (now'\n"
        "paragraphs: {}\nheadings: {}\nleading: {}\n",
        encoding="utf-8",
    )
    with pytest.raises(RedlineError) as raised:
        load_lexicon(path)
    assert str(raised.value).startswith(f"{path}: lines: newsletter prompt: pattern 1: bad regular expression")


def test_clean_load_lexicon_names_the_service_whose_patterns_are_not_a_list(tmp_path: Path) -> None:
    services = tmp_path / "translation.yaml"
    services.write_text("services:\n  Some Translator: 'some translator'\n", encoding="utf-8")
    with pytest.raises(RedlineError) as raised:
        load_lexicon(services_path=services)
    assert str(raised.value) == f"{services}: services: Some Translator: must be a list of patterns"
