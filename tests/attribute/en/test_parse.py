"""The parse: units for the parser, none longer than it accepts, with offsets into the text."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from redline.attribute.en import EnglishAttributor
from redline.attribute.en.parse import Parsed, split_reference_marks, unit_text, units
from redline.models import Document


def test_parse_units_join_a_sentence_broken_by_markup() -> None:
    text = "Talks resumed\non Monday.\nThe envoy left."
    assert units(text, 1_000_000) == [(0, 24), (25, 40)]
    assert unit_text(text, (0, 24)) == "Talks resumed on Monday."


def test_parse_units_cut_a_long_paragraph_after_a_sentence() -> None:
    text = "One two. Three four. Five six"
    assert units(text, 12) == [(0, 9), (9, 21), (21, 29)]


def test_parse_units_cut_at_a_space_when_no_sentence_ends() -> None:
    assert units("alpha beta gamma", 8) == [(0, 6), (6, 11), (11, 16)]
    assert units("abcdefghij", 4) == [(0, 4), (4, 8), (8, 10)]


def test_parse_paragraph_over_a_million_characters_is_parsed_in_pieces() -> None:
    # Tokenizer and sentencizer only: fast enough for a unit test at the real size.
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    text = "Talks resumed today. " * 50_000
    assert len(text) > nlp.max_length
    parsed = Parsed(text, nlp)
    bounds = [(int(d.user_data["offset"]), int(d.user_data["offset"]) + len(d.text)) for d in parsed.docs]
    assert bounds == [(0, 999_999), (999_999, 1_050_000)]
    assert len(parsed.sentences) == 50_000
    assert parsed.sentences[47_619].start == 999_999


@pytest.mark.slow
def test_parse_statements_many_equal_statements_one_by_one(nlp: Language) -> None:
    attributor = EnglishAttributor.from_nlp(nlp)
    texts = ['"We will not sign," minister Ana Roth said.\nTalks went on.',
             "The envoy said the border would reopen next week.",
             "No one spoke."]
    documents = [Document(id=f"d{i}", doc=f"{i}.txt", origin="x", raw_text=t, text=t) for i, t in enumerate(texts)]
    assert attributor.statements_many(documents) == [attributor.statements(d) for d in documents]


@pytest.mark.slow
def test_parse_text_longer_than_the_parser_limit_is_attributed(nlp: Language) -> None:
    attributor = EnglishAttributor.from_nlp(nlp)
    text = "The weather was mild. " * 40 + '"We will not sign," minister Ana Roth said.'
    document = Document(id="d", doc="long.txt", origin="x", raw_text=text, text=text)
    limit = nlp.max_length
    nlp.max_length = 300
    try:
        [found] = attributor.statements(document)
        [batched] = attributor.statements_many([document])
    finally:
        nlp.max_length = limit
    assert (found.speaker, found.content, found.start) == ("Ana Roth", "We will not sign", 881)
    assert batched == [found]


def test_parse_a_reference_mark_glued_to_a_full_stop_ends_the_sentence() -> None:
    # Invented: a report's footnote marks run into the next sentence ("hour.[1] The …").
    nlp = split_reference_marks(spacy.blank("en"))
    nlp.add_pipe("sentencizer")
    doc = nlp("The envoys met for an hour.[1] The minister said talks went well.[2]")
    assert [t.text for t in doc][5:9] == ["hour", ".", "[1]", "The"]
    assert split_reference_marks(nlp) is nlp and [t.text for t in nlp("list[3].")] == ["list", "[3]", "."]
