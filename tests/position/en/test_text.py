"""Sentence splitting and cue patterns for the position stage."""

from __future__ import annotations

from redline.position.en.text import phrase_regex, sentences


def test_text_sentences_split_on_full_stops_but_not_abbreviations() -> None:
    text = "Mr. Smith spoke. The U.S. side agreed.\nA new line starts here"
    found = [text[s:e] for s, e, _ in sentences(text, ["Mr", "U.S"])]
    assert found == ["Mr. Smith spoke.", "The U.S. side agreed.", "A new line starts here"]


def test_text_sentences_join_lines_broken_mid_sentence() -> None:
    text = "Leaders are expected to\n\nannounce a framework, officials said.\n\nNext paragraph."
    assert [(text[s:e], p) for s, e, p in sentences(text)] == [
        ("Leaders are expected to\n\nannounce a framework, officials said.", 0),
        ("Next paragraph.", 1),
    ]


def test_text_phrase_regex_matches_whole_words_and_punctuation() -> None:
    regex = phrase_regex(["not", "not against", ","])
    assert regex is not None
    assert [m.group(0) for m in regex.finditer("Knot: not against it, nothing")] == ["not against", ","]


def test_text_sentences_split_where_a_full_stop_lacks_its_space() -> None:
    text = "The offer was turned down.Speaking later, the mayor said so. Dr. Roe agreed."
    found = [text[s:e] for s, e, _ in sentences(text, ["Dr"])]
    assert found == ["The offer was turned down.", "Speaking later, the mayor said so.", "Dr. Roe agreed."]


def test_text_sentences_end_before_a_glued_reference_mark() -> None:
    # Invented: "hour.[1] The minister" is two sentences.
    text = "The envoys met for an hour.[1] The minister left."
    assert [text[s:e] for s, e, _ in sentences(text)] == ["The envoys met for an hour.[1]", "The minister left."]
