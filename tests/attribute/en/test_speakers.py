"""Speaker mentions: a head the mention rules drop leaves no speaker, not a crash."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from redline.attribute.en.lexicon import load_lexicon
from redline.attribute.en.speakers import mention


def test_speakers_name_with_no_words_left_is_no_mention(nlp: Language) -> None:
    # A parse that tags the opening quotation mark as a proper noun heading the subject.
    doc = Doc(nlp.vocab, words=['"', "said", "."], pos=["PROPN", "VERB", "PUNCT"],
              deps=["punct", "ROOT", "punct"], heads=[1, 1, 1])
    doc.user_data["offset"] = 0
    assert mention(doc[0], load_lexicon(None)) is None
