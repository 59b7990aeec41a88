"""Quote finding from the text alone: marks, apostrophes, long quotes, dash quotes."""

from __future__ import annotations

import re

from redline.attribute.en.lexicon import load_lexicon
from redline.attribute.en.quotes import Quote, find_quotes, sentence_end

LEXICON = load_lexicon()


def _paragraphs(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]


def _said(text: str):
    """A stand-in for the parse: a clause is an attribution when it ends in 'said'."""
    return lambda start, end: any(w in text[start:end].split() for w in ("said", "stressed"))


def _quotes(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text, _paragraphs(text), LEXICON, _said(text))]


def test_quotes_each_mark_style() -> None:
    text = 'A "straight" b “curly” c «guillemets» d ‘single’ e.'
    assert _quotes(text) == ["straight", "curly", "guillemets", "single"]


def test_quotes_apostrophe_is_not_a_quote() -> None:
    text = "Russia’s envoy said Kyiv’s plan was ‘dead on arrival’ and the allies’ view didn’t count."
    assert _quotes(text) == ["dead on arrival"]


def test_quotes_apostrophes_inside_single_quotes() -> None:
    text = "‘I’m not going anywhere,’ she said. ‘We’re staying.’"
    assert _quotes(text) == ["I’m not going anywhere,", "We’re staying."]


def test_quotes_nested_quote_stays_inside() -> None:
    text = "“He called it a ‘backstop’, nothing more,” the aide said."
    found = find_quotes(text, _paragraphs(text), LEXICON, _said(text))
    assert [(q.start, q.end, q.open_at, q.close_at) for q in found] == [(1, 41, 0, 42)]


def test_quotes_paragraphs_of_one_long_quote_share_a_group() -> None:
    text = '"We agreed on most points.\n\n"The rest will follow," she said.'
    found = find_quotes(text, _paragraphs(text), LEXICON, _said(text))
    assert [(text[q.start : q.end], q.group) for q in found] == [
        ("We agreed on most points.", 0),
        ("The rest will follow,", 0),
    ]


def test_quotes_unclosed_mark_at_paragraph_end_is_dropped() -> None:
    text = 'He spoke of a "new era.\n\nNobody answered.'
    assert _quotes(text) == []


def test_quotes_dash_paragraph_is_cut_at_its_attribution() -> None:
    text = "— We have agreed on almost everything, — the deputy minister said. — Only the quotas remain."
    found = find_quotes(text, _paragraphs(text), LEXICON, _said(text))
    assert found == [
        Quote(0, 2, 37, 37, 0, True, (41, 65)),
        Quote(67, 69, 92, 92, 0, True, (41, 65)),
    ]
    assert [text[q.start : q.end] for q in found] == ["We have agreed on almost everything", "Only the quotas remain."]


def test_quotes_dash_paragraph_with_quote_mark_before_attribution() -> None:
    text = '—We recognise their interests," the minister said. — But ours come first.'
    assert _quotes(text) == ["We recognise their interests", "But ours come first."]


def test_quotes_hyphen_opens_a_quote_only_before_a_space() -> None:
    text = "- We will wait, - the minister said.\n-5 degrees were forecast."
    assert _quotes(text) == ["We will wait"]


def test_quotes_paragraph_opened_by_quote_mark_and_dash_attribution() -> None:
    text = '"In Geneva we accepted the offer,— he stressed in the interview. — Now it is their turn.'
    assert _quotes(text) == ["In Geneva we accepted the offer", "Now it is their turn."]


def test_quotes_sentence_end_skips_abbreviations_and_initials() -> None:
    text = ", Mr. J. Smith said. Then"
    assert sentence_end(text, 0, len(text), LEXICON) == 19



def test_quotes_opening_mark_typed_twice_closes_the_quote() -> None:
    text = "“The port will reopen in May“, the mayor said."
    [quote] = find_quotes(text, _paragraphs(text), LEXICON, _said(text))
    assert text[quote.start : quote.end] == "The port will reopen in May"


def test_quotes_unclosed_quoted_paragraph_runs_to_its_end() -> None:
    text = "She put it this way:\n“The port stays open. Nothing else matters.\nThe strike ended."
    assert _quotes(text) == ["The port stays open. Nothing else matters."]


def test_quotes_unclosed_mark_before_other_quotes_is_left_open() -> None:
    text = '"The port stays open. "We said so," she added. "Nothing else matters."'
    assert _quotes(text) == ["We said so,", "Nothing else matters."]


def test_quotes_unclosed_quote_after_a_colon_runs_to_its_paragraph_end() -> None:
    text = "The mayor will say: “The port stays open. Nothing else matters.\nThe strike ended."
    assert _quotes(text) == ["The port stays open. Nothing else matters."]


def test_quotes_unclosed_quote_inside_a_sentence_is_still_dropped() -> None:
    text = "The mayor spoke of a “new era. Nothing else matters.\nThe strike ended."
    assert _quotes(text) == []
