"""Acronyms: a short form the article defines in brackets names the body in full."""

from __future__ import annotations

from redline.attribute.en.acronyms import acronyms, masked


def test_acronyms_bracketed_initials_define_a_short_form() -> None:
    text = "A study by the Institute for the Study of Tides (IST) and the Lake Water Board (LWB) found"
    assert acronyms(text) == {"IST": "Institute for the Study of Tides", "LWB": "Lake Water Board"}


def test_acronyms_a_bracket_that_is_not_the_initials_defines_nothing() -> None:
    text = "Jane Roe (Labour) spoke after the Harbour Board (HQ) and the mayor (OSLO) did"
    assert acronyms(text) == {}
    assert masked(text) == text


def test_acronyms_the_definition_is_blanked_for_the_parser_with_offsets_kept() -> None:
    text = "rates will rise, the Council for Coastal Trade (CCT) reports"
    assert masked(text) == text.replace("(CCT)", "     ")


def test_acronyms_a_short_form_the_article_spells_out_elsewhere_is_named_in_full() -> None:
    text = "Norway may yet join the Nordic Water Union. The NWU said no, and so did the PM, Prime Minister Jo Roe."
    # A title written out ("Prime Minister") is a role, not a body's name.
    assert acronyms(text, frozenset({"minister"})) == {"NWU": "Nordic Water Union"}
    # Two names with the same initials leave the short form as it is.
    assert acronyms("The North Wing Unit met the Nordic Water Union. NWU said no.") == {}
