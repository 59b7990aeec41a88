"""Transcripts: a header or a turn label names the speaker of unquoted sentences."""

from __future__ import annotations

from spacy.language import Language

from redline.attribute.en import EnglishAttributor
from redline.models import Document, Statement


def _statements(nlp: Language, text: str) -> list[Statement]:
    document = Document(id="d", doc="a.txt", origin="x", raw_text=text, text=text)
    return EnglishAttributor.from_nlp(nlp).statements(document)


def test_transcript_a_header_names_the_speaker_of_every_sentence(nlp: Language) -> None:
    text = ("Harbour council: press conference by Port Commissioner Ana Ruiz\n\n"
            "Good afternoon everybody.\n"
            "We will not reopen the northern dock before the spring floods have passed.\n"
            "The ferry operators must accept a shorter timetable.")
    found = [(s.speaker, s.content) for s in _statements(nlp, text)]
    assert ("Ana Ruiz", "We will not reopen the northern dock before the spring floods have passed") in found
    assert ("Ana Ruiz", "The ferry operators must accept a shorter timetable") in found
    # A greeting is no statement.
    assert not any(c.startswith("Good afternoon") for _, c in found)


def test_transcript_a_by_line_under_the_title_names_the_speaker(nlp: Language) -> None:
    text = ("Weekly press briefing\n\nby Harbour Master Tom Vos\n\n"
            "The storm barrier will stay closed until the engineers have checked every gate.\n"
            "To keep the channel safe.")
    found = [(s.speaker, s.content) for s in _statements(nlp, text)]
    assert ("Tom Vos", "The storm barrier will stay closed until the engineers have checked every gate") in found
    # A fragment without a finite verb says nothing of its own.
    assert all(c != "To keep the channel safe" for _, c in found)


def test_transcript_turn_labels_switch_the_speaker_and_questions_say_nothing(nlp: Language) -> None:
    text = ("MS RUIZ: Good to see everyone.\n\n"
            "We have told the ferry operators that the dock stays closed until March.\n\n"
            "QUESTION: Will the operators be compensated for the lost season?\n\n"
            "The council has not yet decided on any compensation for the operators.\n\n"
            "MR VOS: The barrier will be tested again on Monday morning.")
    found = [(s.speaker, s.content) for s in _statements(nlp, text)]
    assert ("Ruiz", "We have told the ferry operators that the dock stays closed until March") in found
    assert ("Vos", "The barrier will be tested again on Monday morning") in found
    # The question and what follows it until the next label belong to no one.
    assert not any("compensat" in c for _, c in found)


def test_transcript_first_person_op_ed_without_header_gives_no_statements(nlp: Language) -> None:
    # An author who writes in the first person names no speaker: nothing is attributed.
    text = ("Why the harbour needs a new dock\n\n"
            "I have lived by this harbour for twenty years.\n"
            "We cannot keep patching the old dock every winter.\n"
            "The council should fund a new one before the next flood season.")
    assert _statements(nlp, text) == []


def test_transcript_narration_in_a_news_article_is_not_speech(nlp: Language) -> None:
    text = ("Port council delays dock vote\n\n"
            "The council postponed its vote on the northern dock on Tuesday.\n"
            "Ferry operators had asked for a decision before the summer.\n"
            "Commissioner Ana Ruiz said the dock would stay closed until March.")
    found = _statements(nlp, text)
    # Only cued speech: no sentence of the narration is a statement without a cue.
    assert ("Ana Ruiz", "the dock would stay closed until March") in [(s.speaker, s.content) for s in found]
    assert all(s.cue for s in found)
    assert not any("postponed" in s.content for s in found)


def test_transcript_a_byline_or_a_dateline_is_no_header(nlp: Language) -> None:
    # "By …" under a news headline names the writer; "HARBOURTON: …" is a dateline, not a turn.
    text = ("Port council delays dock vote\n\nBy Staff Reporter Jane Doe\n\n"
            "HARBOURTON: The council postponed its vote on the northern dock on Tuesday.\n\n"
            "The ferry operators will wait another month for a decision.")
    assert _statements(nlp, text) == []
