"""Speaker mentions: a head the mention rules drop leaves no speaker, not a crash."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from redline.attribute.en.lexicon import load_lexicon
from redline.attribute.en.speakers import NAMED, entity_of, mention, named_entities


def test_speakers_name_with_no_words_left_is_no_mention(nlp: Language) -> None:
    # A parse that tags the opening quotation mark as a proper noun heading the subject.
    doc = Doc(nlp.vocab, words=['"', "said", "."], pos=["PROPN", "VERB", "PUNCT"],
              deps=["punct", "ROOT", "punct"], heads=[1, 1, 1])
    doc.user_data["offset"] = 0
    assert mention(doc[0], load_lexicon(None)) is None


def test_speakers_entity_of_is_the_entity_holding_the_token(nlp: Language) -> None:
    doc = nlp("Foreign Minister Jane Roe met Ivan Petrov in Vienna on Monday.")
    found = {t.text: (e.text, e.label_) if (e := entity_of(t)) is not None else None for t in doc}
    assert found["Jane"] == found["Roe"] == ("Jane Roe", "PERSON")
    assert found["Petrov"] == ("Ivan Petrov", "PERSON")
    assert found["met"] is None
    # Every token gets what a scan of doc.ents gives (a date cannot speak: none).
    for token in doc:
        scanned = [(e.start, e.end) for e in doc.ents if e.start <= token.i < e.end and e.label_ in NAMED]
        held = entity_of(token)
        assert ([] if held is None else [(held.start, held.end)]) == scanned


def test_speakers_entity_of_drops_trailing_function_words_and_lower_case_persons(nlp: Language) -> None:
    doc = Doc(nlp.vocab, words=["the", "ministry", "on", "Friday", "port", "chief", "hardens", "line"],
              pos=["DET", "NOUN", "ADP", "PROPN", "NOUN", "NOUN", "NOUN", "NOUN"],
              ents=["B-ORG", "I-ORG", "I-ORG", "B-DATE", "O", "O", "B-PERSON", "I-PERSON"])
    held = entity_of(doc[1])
    assert held is not None and (held.text, held.label_) == ("the ministry", "ORG")
    assert entity_of(doc[2]) is None
    # News capitalises names: a "person" written in lower case is a misreading.
    assert entity_of(doc[6]) is None and entity_of(doc[7]) is None


def test_speakers_a_named_owner_stays_part_of_a_bodys_name(nlp: Language) -> None:
    # Invented: two countries' ministries in one article are two speakers.
    doc = nlp("Norland's Foreign Ministry said the talks had ended.")
    doc.user_data["offset"] = 0
    found = mention(next(t for t in doc if t.dep_ == "nsubj"), load_lexicon())
    assert found is not None and found.name == "Norland's Foreign Ministry"


def test_speakers_an_entity_that_opens_with_a_verb_names_no_one(nlp: Language) -> None:
    # Invented: the recogniser ran a gerund into a name ("Disarming Vela is hard").
    doc = Doc(nlp.vocab, words=["Disarming", "Vela", "is", "hard", "says", "Ana", "Ruiz"],
              pos=["VERB", "PROPN", "AUX", "ADJ", "VERB", "PROPN", "PROPN"],
              ents=["B-PERSON", "I-PERSON", "O", "O", "O", "B-PERSON", "I-PERSON"])
    assert [e.text for e in named_entities(doc)] == ["Ana Ruiz"]
