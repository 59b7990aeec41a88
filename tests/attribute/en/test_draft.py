"""Headlines that name their source, and speakers that a role names before the name."""

from __future__ import annotations

import pytest
from spacy.language import Language

from redline.attribute.en import EnglishAttributor
from redline.models import Document

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def attributor(nlp: Language) -> EnglishAttributor:
    return EnglishAttributor.from_nlp(nlp)


def _found(attributor: EnglishAttributor, text: str) -> list[tuple[str, str, int, int]]:
    document = Document(id="d1", doc="a.txt", origin="a.txt", raw_text=text, text=text)
    return [(s.speaker, s.content, s.start, s.end) for s in attributor.statements(document)]


def test_draft_headline_source_at_the_end(attributor: EnglishAttributor) -> None:
    text = "Port workers to strike on Monday - union\n\nThe dock workers' union said the strike would go ahead."
    assert _found(attributor, text) == [
        ("union", "Port workers to strike on Monday", 0, 32),
        ("union", "the strike would go ahead", 71, 96),
    ]


def test_draft_headline_site_name_is_not_a_source(attributor: EnglishAttributor) -> None:
    assert _found(attributor, "Port talks stall over wages - Daily Harbour\n\nNegotiators met on Monday.") == []


def test_draft_headline_source_before_a_colon(attributor: EnglishAttributor) -> None:
    text = "Ministry: port stays closed until spring\n\nThe Transport Ministry said the port would stay closed."
    assert _found(attributor, text) == [
        ("Transport Ministry", "port stays closed until spring", 10, 40),
        ("Transport Ministry", "the port would stay closed", 70, 96),
    ]


def test_draft_headline_without_clause_verbs(attributor: EnglishAttributor) -> None:
    text = "Ministry says port closure key to safety\n\nThe Transport Ministry said the port would stay closed."
    assert _found(attributor, text)[0] == ("Transport Ministry", "port closure key to safety", 14, 40)


def test_draft_repeated_headline_is_one_statement(attributor: EnglishAttributor) -> None:
    text = "Ministry: port stays closed until spring\n\nMinistry: port stays closed until spring\n\nShips wait."
    assert _found(attributor, text) == [("Ministry", "port stays closed until spring", 10, 40)]


def test_draft_headline_role_is_named_later(attributor: EnglishAttributor) -> None:
    text = ("Harbour chief says repairs will take a year\n\n"
            "The repairs will be slow, harbour chief Jan Vos told reporters.")
    assert _found(attributor, text) == [
        ("Jan Vos", "repairs will take a year", 19, 43),
        ("Jan Vos", "The repairs will be slow", 45, 69),
    ]


def test_draft_one_of_its_ministers_is_named_later(attributor: EnglishAttributor) -> None:
    text = ('The dam is safe, one of the region\'s deputy ministers said on Tuesday. '
            '"We see no risk," Marta Kell, the deputy minister, told reporters.')
    assert _found(attributor, text) == [
        ("Marta Kell", "The dam is safe", 0, 15),
        ("Marta Kell", "We see no risk", 72, 86),
    ]


def test_draft_he_falls_back_to_a_surname_tagged_as_an_organisation(attributor: EnglishAttributor) -> None:
    text = "Okonkwoy said the port would reopen. He said any deal would need a vote."
    document = Document(id="d1", doc="a.txt", origin="a.txt", raw_text=text, text=text)
    found = [(s.speaker, s.content, s.confidence) for s in attributor.statements(document)]
    assert found == [("Okonkwoy", "the port would reopen", 0.9), ("Okonkwoy", "any deal would need a vote", 0.65)]


def test_draft_headline_role_goes_to_the_best_fitting_later_name(attributor: EnglishAttributor) -> None:
    text = ("Port Minister warns of a long strike\n\n"
            "President Tom Ruiz opened the session on Monday. Port Minister Jan Vos warned the unions of a long strike.")
    assert _found(attributor, text) == [
        ("Jan Vos", "a long strike", 23, 36),
        ("Jan Vos", "the unions of a long strike", 116, 143),
    ]


def test_draft_headline_source_after_a_closing_colon(attributor: EnglishAttributor) -> None:
    text = ("Ferries 'will not run on Sundays': Ortega\n\n"
            "Harbour chief Ana Ortega said the timetable would change.")
    assert _found(attributor, text) == [
        ("Ana Ortega", "Ferries 'will not run on Sundays'", 0, 33),
        ("Ana Ortega", "the timetable would change", 73, 99),
    ]


def test_draft_headline_closing_role_is_named_later(attributor: EnglishAttributor) -> None:
    text = ("Town seeks a second bridge before winter: harbour chief\n\nTALLINN\n\n"
            "The town needs a second bridge, harbour chief Ana Ortega said.")
    assert _found(attributor, text) == [
        ("Ana Ortega", "Town seeks a second bridge before winter", 0, 40),
        ("Ana Ortega", "The town needs a second bridge", 66, 96),
    ]


def test_draft_repeated_headline_with_a_role_is_one_statement(attributor: EnglishAttributor) -> None:
    text = ("Bridge to reopen before the winter - harbour chief\n\nBy Staff\n\n"
            "Bridge to reopen before the winter - harbour chief\n\n"
            "The bridge will reopen in October, harbour chief Jan Vos said.")
    assert _found(attributor, text) == [
        ("Jan Vos", "Bridge to reopen before the winter", 0, 34),
        ("Jan Vos", "The bridge will reopen in October", 114, 147),
    ]


def test_draft_headline_country_is_not_a_later_role(attributor: EnglishAttributor) -> None:
    text = ("Norway: No port deal without guarantees\n\n"
            "The Norwegian Deputy Trade Minister said on Monday that the port would stay closed. "
            "Deputy Trade Minister Ana Ortega spoke in Oslo.")
    assert _found(attributor, text) == [
        ("Norway", "No port deal without guarantees", 8, 39),
        ("Ana Ortega", "the port would stay closed", 97, 123),
    ]
