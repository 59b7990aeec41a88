"""The attribute ruler's matches from a table are the Matcher's, so the annotations are too."""

from __future__ import annotations

from spacy.language import Language
from spacy.pipeline import AttributeRuler

from redline.attribute.en.ruler import RuleTable

_TEXTS = [
    "She said y'all ain't seen nothin' yet, and they would not meet him there.",
    "The envoys, who had been waiting since dawn, left; it was what they wanted.",
    "Those who doubt it can ask  anyone: the talks  are   over.\n",
]


def test_ruler_table_gives_the_matchers_matches(nlp: Language) -> None:
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    table = RuleTable(ruler)
    for doc in nlp.pipe(_TEXTS):
        assert table(doc) == ruler.match(doc)


def test_ruler_table_reads_multi_token_and_regex_patterns(nlp: Language) -> None:
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    doc = nlp(_TEXTS[0])
    spans = {(doc[start:end].text, end - start) for _, _, start, end in RuleTable(ruler)(doc)}
    # "y'all" (two tokens, a regular expression on the first) and "nothin'" (a regular
    # expression on one token) are matched by the rules kept outside the table.
    assert ("y'all", 2) in spans
    assert ("nothin'", 1) in spans
    assert ("She", 1) in spans
