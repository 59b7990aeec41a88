"""Enumerated points: a cue announces a list and each point that follows is the speaker's."""

from __future__ import annotations

from spacy.language import Language

from redline.attribute.en import EnglishAttributor
from redline.models import Document, Statement


def _statements(nlp: Language, text: str) -> list[Statement]:
    document = Document(id="d", doc="a.txt", origin="x", raw_text=text, text=text)
    return EnglishAttributor.from_nlp(nlp).statements(document)


def test_enumeration_each_point_after_the_announcing_cue_is_the_speakers(nlp: Language) -> None:
    text = ("Mayor Ana Ruiz said on Monday that the dock dispute had gone on for too long.\n\n"
            "On the dispute, Ruiz stressed the following two points.\n\n"
            "Firstly, the northern dock must stay closed until the floods have passed.\n\n"
            "Secondly, the ferry operators deserve a fair share of the harbour fees.\n\n"
            "The harbour board meets again next week to discuss the fees.")
    # The speaker as the announcing cue writes it (the small model may not link the surname).
    found = [(s.speaker.split()[-1], s.content) for s in _statements(nlp, text)]
    assert ("Ruiz", "Firstly, the northern dock must stay closed until the floods have passed.") in found
    assert ("Ruiz", "Secondly, the ferry operators deserve a fair share of the harbour fees.") in found
    # The announcing noun phrase says nothing; the list ends with its last point.
    assert not any(c.startswith("the following") for _, c in found)
    assert not any("meets again" in c for _, c in found)


def test_enumeration_ordinals_without_an_announcing_cue_are_narration(nlp: Language) -> None:
    text = ("The harbour board listed its reasons for the delay.\n\n"
            "Firstly, the northern dock flooded twice in March.\n\n"
            "Secondly, the ferry operators missed the tender deadline.")
    assert not any(s.content.startswith(("Firstly", "Secondly")) for s in _statements(nlp, text))
