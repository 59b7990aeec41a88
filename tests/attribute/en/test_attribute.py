"""Attribution end to end: every quote style and reported-speech pattern, with exact spans."""

from __future__ import annotations

import pytest
from spacy.language import Language

from redline.attribute.en import EnglishAttributor
from redline.errors import RedlineError
from redline.models import Document, Statement

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def attributor(nlp: Language) -> EnglishAttributor:
    return EnglishAttributor.from_nlp(nlp)


def _statements(attributor: EnglishAttributor, text: str) -> list[Statement]:
    document = Document(id="d1", doc="a.txt", origin="a.txt", raw_text=text, text=text)
    found = attributor.statements(document)
    assert all(s.content == text[s.start : s.end] and s.document_id == "d1" for s in found)
    return found


def _found(attributor: EnglishAttributor, text: str) -> list[tuple[str, str, str, int, int]]:
    return [(s.speaker, s.kind, s.content, s.start, s.end) for s in _statements(attributor, text)]


def test_attribute_missing_model_is_a_one_line_error() -> None:
    with pytest.raises(RedlineError, match="spaCy model 'no_such_model' is not installed"):
        EnglishAttributor("no_such_model")


def test_attribute_straight_quotes(attributor: EnglishAttributor) -> None:
    text = '"The port will stay open," harbour master Ines Duarte said.'
    [found] = _statements(attributor, text)
    assert (found.speaker, found.kind, found.content, found.start, found.end) == (
        "Ines Duarte", "direct", "The port will stay open", 1, 24)
    assert (found.speaker_mention, found.role, found.cue) == ("harbour master Ines Duarte", "harbour master", "said")


def test_attribute_curly_quotes_and_told_reporters(attributor: EnglishAttributor) -> None:
    text = "“We will not sign this,” Trade Minister Paolo Greco told reporters."
    [found] = _statements(attributor, text)
    assert (found.speaker, found.content, found.start, found.end, found.role, found.cue) == (
        "Paolo Greco", "We will not sign this", 1, 22, "Trade Minister", "told reporters")


def test_attribute_guillemets_with_inverted_speaker(attributor: EnglishAttributor) -> None:
    text = "«The border is closed», said Colonel Ivan Petrenko."
    assert _found(attributor, text) == [("Ivan Petrenko", "direct", "The border is closed", 1, 21)]


def test_attribute_single_quotes_keep_apostrophes(attributor: EnglishAttributor) -> None:
    text = "‘It’s a fair deal,’ one senior official said. ‘Nobody’s job is at risk.’"
    assert _found(attributor, text) == [
        ("senior official", "direct", "It’s a fair deal", 1, 17),
        ("senior official", "direct", "Nobody’s job is at risk", 47, 70),
    ]


def test_attribute_apostrophes_are_not_quotes(attributor: EnglishAttributor) -> None:
    text = "Lithuania’s premier said the country’s ports would stay open."
    assert _found(attributor, text) == [
        ("Lithuania’s premier", "indirect", "the country’s ports would stay open", 25, 60)]


def test_attribute_split_quote_both_parts(attributor: EnglishAttributor) -> None:
    text = '"We are ready," Ines Duarte said. "The boats will sail tomorrow."'
    assert _found(attributor, text) == [
        ("Ines Duarte", "direct", "We are ready", 1, 13),
        ("Ines Duarte", "direct", "The boats will sail tomorrow", 35, 63),
    ]


def test_attribute_quote_over_two_paragraphs(attributor: EnglishAttributor) -> None:
    text = ('"The talks went well," Mayor Lena Berg told a news conference. "We found common ground.\n\n'
            '"Now the council must vote."')
    assert _found(attributor, text) == [
        ("Lena Berg", "direct", "The talks went well", 1, 20),
        ("Lena Berg", "direct", "We found common ground", 64, 86),
        ("Lena Berg", "direct", "Now the council must vote", 90, 115),
    ]


def test_attribute_quote_closing_a_paragraph_of_reported_speech(attributor: EnglishAttributor) -> None:
    text = "Such a move “is dangerous”, said Mr Peskov.\n\n“We will take it into account.” REUTERS"
    found = _statements(attributor, text)
    assert [(s.speaker, s.kind, s.content, s.cue) for s in found] == [
        ("Peskov", "mixed", "Such a move “is dangerous”", "said"),
        ("Peskov", "direct", "We will take it into account", None),
    ]


def test_attribute_introduced_by_colon(attributor: EnglishAttributor) -> None:
    text = "Foreign Minister Anna Lind told reporters on Friday: “We expect an answer within a week.”"
    assert _found(attributor, text) == [("Anna Lind", "direct", "We expect an answer within a week", 54, 87)]


def test_attribute_dash_quotes_of_translated_text(attributor: EnglishAttributor) -> None:
    text = ("Deputy Foreign Minister Oleg Volkov spoke after the talks.\n"
            "— We have agreed on almost everything, — the deputy minister said. — Only the quotas remain open.")
    found = _statements(attributor, text)
    assert [(s.speaker, s.kind, s.content, s.start, s.end) for s in found] == [
        ("Oleg Volkov", "direct", "We have agreed on almost everything", 61, 96),
        ("Oleg Volkov", "direct", "Only the quotas remain open", 128, 155),
    ]
    assert found[0].speaker_mention == "the deputy minister" and found[0].role == "Deputy Foreign Minister"


def test_attribute_quote_mark_opened_paragraph_with_dash_attribution(attributor: EnglishAttributor) -> None:
    text = 'Oleg Volkov gave an interview on Friday.\n"The treaty is ready,— he said in the interview. — Only the quotas remain.'
    assert _found(attributor, text) == [
        ("Oleg Volkov", "direct", "The treaty is ready", 42, 61),
        ("Oleg Volkov", "direct", "Only the quotas remain", 92, 114),
    ]


def test_attribute_said_that(attributor: EnglishAttributor) -> None:
    text = "The Kremlin said on Monday that the proposal was unacceptable."
    assert _found(attributor, text) == [("Kremlin", "indirect", "the proposal was unacceptable", 32, 61)]


def test_attribute_content_before_attribution(attributor: EnglishAttributor) -> None:
    text = "The proposal is unacceptable, Kremlin spokesman Dmitry Peskov told reporters."
    [found] = _statements(attributor, text)
    assert (found.speaker, found.kind, found.content, found.start, found.end, found.role) == (
        "Dmitry Peskov", "indirect", "The proposal is unacceptable", 0, 28, "Kremlin spokesman")


def test_attribute_expert_with_apposition(attributor: EnglishAttributor) -> None:
    text = "The proposal is unacceptable, says Andrei Sokolov, an expert at the Baltic Institute."
    [found] = _statements(attributor, text)
    assert (found.speaker, found.content, found.role) == (
        "Andrei Sokolov", "The proposal is unacceptable", "expert at the Baltic Institute")


def test_attribute_stressed_and_adding(attributor: EnglishAttributor) -> None:
    text = "However, Peskov stressed that the plan was flawed, adding that talks could resume."
    found = _statements(attributor, text)
    assert [(s.speaker, s.cue, s.content, s.start, s.end) for s in found] == [
        ("Peskov", "stressed", "the plan was flawed", 30, 49),
        ("Peskov", "adding", "talks could resume", 63, 81),
    ]


def test_attribute_participle_inside_reported_clause(attributor: EnglishAttributor) -> None:
    text = "French President Emmanuel Macron said troops could be deployed, adding that they would not fight."
    assert _found(attributor, text) == [
        ("Emmanuel Macron", "indirect", "troops could be deployed", 38, 62),
        ("Emmanuel Macron", "indirect", "they would not fight", 76, 96),
    ]


def test_attribute_according_to_before_and_after(attributor: EnglishAttributor) -> None:
    assert _found(attributor, "The rules take effect in June, according to Reuters.") == [
        ("Reuters", "indirect", "The rules take effect in June", 0, 29)]
    text = "However, according to Alexander Marsh, the Europeans have not answered."
    assert _found(attributor, text) == [
        ("Alexander Marsh", "indirect", "the Europeans have not answered", 39, 70)]


def test_attribute_in_his_words(attributor: EnglishAttributor) -> None:
    text = "Deputy Foreign Minister Oleg Volkov was upbeat. In his words, the neighbours have been constructive."
    [found] = _statements(attributor, text)
    assert (found.speaker, found.content, found.cue, found.speaker_mention) == (
        "Oleg Volkov", "the neighbours have been constructive", "In his words", "his")


def test_attribute_wrote_and_view_is(attributor: EnglishAttributor) -> None:
    text = ("Marta Nowak of the Centre for Trade Studies wrote that tariffs would rise. "
            "Nowak's view is that neither side can afford a trade war.")
    assert _found(attributor, text) == [
        ("Marta Nowak", "indirect", "tariffs would rise", 55, 73),
        ("Marta Nowak", "indirect", "neither side can afford a trade war", 96, 131),
    ]


def test_attribute_outlet_and_denial(attributor: EnglishAttributor) -> None:
    text = ("The Financial Times newspaper wrote that the deal was almost done. "
            "However, the White House denied this information.")
    assert _found(attributor, text) == [
        ("Financial Times", "indirect", "the deal was almost done", 41, 65),
        ("White House", "indirect", "this information", 99, 115),
    ]


def test_attribute_claims_and_insists_on(attributor: EnglishAttributor) -> None:
    text = "The date is not fixed, but the Kremlin claims that talks may resume soon. Moscow insists on a ban on drills."
    found = _statements(attributor, text)
    assert [(s.speaker, s.cue, s.content) for s in found] == [
        ("Kremlin", "claims", "talks may resume soon"),
        ("Moscow", "insists on", "a ban on drills"),
    ]


def test_attribute_statement_by_noun(attributor: EnglishAttributor) -> None:
    text = "Officials reacted to a statement by the Polish Foreign Ministry that the border would reopen."
    assert _found(attributor, text) == [
        ("Polish Foreign Ministry", "indirect", "the border would reopen", 69, 92)]


def test_attribute_passive_points_back(attributor: EnglishAttributor) -> None:
    text = "The treaty will be signed before December. This was stated by Deputy Foreign Minister Oleg Volkov."
    assert _found(attributor, text) == [
        ("Oleg Volkov", "indirect", "The treaty will be signed before December", 0, 41)]


def test_attribute_mixed_quote_fragment(attributor: EnglishAttributor) -> None:
    text = 'Minister Anna Lind said the plan was "a good basis" for talks.'
    assert _found(attributor, text) == [("Anna Lind", "mixed", 'the plan was "a good basis" for talks', 24, 61)]


def test_attribute_clause_that_is_one_quote_is_direct(attributor: EnglishAttributor) -> None:
    text = "Foreign Minister Anna Lind arrived. However, she qualified that “there is only one condition.”"
    assert _found(attributor, text) == [("Anna Lind", "direct", "there is only one condition", 65, 92)]


def test_attribute_scare_quotes_are_not_statements(attributor: EnglishAttributor) -> None:
    assert _found(attributor, "The army calls it a “special operation” in its reports.") == []


def test_attribute_negated_cue_reports_nothing(attributor: EnglishAttributor) -> None:
    assert _found(attributor, "The United States does not talk about guarantees for Russia.") == []


def test_attribute_pronoun_resolves_to_previous_speaker(attributor: EnglishAttributor) -> None:
    text = "Foreign Minister Anna Lind met her counterpart on Monday. She said the talks had been useful."
    [found] = _statements(attributor, text)
    assert (found.speaker, found.speaker_mention, found.role, found.content) == (
        "Anna Lind", "She", "Foreign Minister", "the talks had been useful")
    assert found.confidence == pytest.approx(0.765)


def test_attribute_pronoun_prefers_the_subject(attributor: EnglishAttributor) -> None:
    text = "Lena Berg, who hosted Ivan Petrenko, spoke last. “We want peace,” she said."
    assert _found(attributor, text) == [("Lena Berg", "direct", "We want peace", 50, 63)]


def test_attribute_role_noun_prefers_a_matching_role(attributor: EnglishAttributor) -> None:
    text = ("Analyst Carla Nunes spoke first. Then Trade Minister Paolo Greco spoke. "
            "The analyst noted that prices would rise.")
    [found] = _statements(attributor, text)
    assert (found.speaker, found.speaker_mention, found.role) == ("Carla Nunes", "The analyst", "Analyst")


def test_attribute_role_noun_diplomat(attributor: EnglishAttributor) -> None:
    text = "Deputy Foreign Minister Oleg Volkov met the envoys. The talks were long. The diplomat noted that a deal was close."
    assert _found(attributor, text) == [("Oleg Volkov", "indirect", "a deal was close", 97, 113)]


def test_attribute_ministry_resolves_to_the_organisation(attributor: EnglishAttributor) -> None:
    text = "The Polish Foreign Ministry said the border would reopen. The ministry added that checks would continue."
    found = _statements(attributor, text)
    assert [(s.speaker, s.speaker_mention) for s in found] == [
        ("Polish Foreign Ministry", "The Polish Foreign Ministry"),
        ("Polish Foreign Ministry", "The ministry"),
    ]


def test_attribute_speaker_is_the_fullest_name(attributor: EnglishAttributor) -> None:
    text = "Kremlin spokesman Dmitry Peskov spoke on Monday. Peskov said the talks would resume."
    [found] = _statements(attributor, text)
    assert (found.speaker, found.speaker_mention, found.role) == ("Dmitry Peskov", "Peskov", "Kremlin spokesman")


def test_attribute_knight_by_given_name_is_the_full_name(attributor: EnglishAttributor) -> None:
    text = "Sir Ian Hale opened the talks on Monday. Sir Ian said the plan would hold."
    [found] = _statements(attributor, text)
    assert (found.speaker, found.content) == ("Ian Hale", "the plan would hold")


def test_attribute_quote_left_open_after_a_colon_is_direct(attributor: EnglishAttributor) -> None:
    text = "The mayor opened the fair.\n\nMs Ruiz will say: “The port stays open. The strike is over."
    [found] = _statements(attributor, text)
    assert (found.speaker, found.kind, found.content) == ("Ruiz", "direct", "The port stays open. The strike is over")


def test_attribute_numbered_office_is_an_organisation_speaker(attributor: EnglishAttributor) -> None:
    # An office, not a person: "he" does not stand for it.
    text = "Number 12 said the port stays open. He added that it will stay open."
    assert [(s.speaker, s.content) for s in _statements(attributor, text)] == [("Number 12", "the port stays open")]


def test_attribute_figure_after_a_determiner_is_no_speaker(attributor: EnglishAttributor) -> None:
    assert _found(attributor, "Some 10 said the port stays open.") == []


def test_attribute_metonym_kept_as_speaker(attributor: EnglishAttributor) -> None:
    assert _found(attributor, "Washington said the sanctions would stay in place.") == [
        ("Washington", "indirect", "the sanctions would stay in place", 16, 49)]


def test_attribute_group_speaker(attributor: EnglishAttributor) -> None:
    assert _found(attributor, "Western officials have said the deal is not ready.") == [
        ("Western officials", "indirect", "the deal is not ready", 28, 49)]


def test_attribute_headline_says(attributor: EnglishAttributor) -> None:
    assert _found(attributor, "Kremlin says new sanctions would be a mistake") == [
        ("Kremlin", "indirect", "new sanctions would be a mistake", 13, 45)]


def test_attribute_headline_name_colon(attributor: EnglishAttributor) -> None:
    text = "Volkov: the treaty will be signed this year\nDeputy Foreign Minister Oleg Volkov gave an interview."
    [found] = _statements(attributor, text)
    assert (found.speaker, found.content, found.cue, found.confidence) == (
        "Oleg Volkov", "the treaty will be signed this year", None, pytest.approx(0.72))


def test_attribute_relative_clause_speaker(attributor: EnglishAttributor) -> None:
    text = "His remarks follow those of Pete Hegseth, the defence secretary, who told allies that the plan was unrealistic."
    [found] = _statements(attributor, text)
    assert (found.speaker, found.role, found.cue, found.content) == (
        "Pete Hegseth", "defence secretary", "told allies", "the plan was unrealistic")


def test_attribute_dateline_is_not_part_of_the_speaker(attributor: EnglishAttributor) -> None:
    text = "BRUSSELS (Wire) - Grain exporters warned on Friday that a blockade could begin."
    [found] = _statements(attributor, text)
    assert (found.speaker, found.speaker_mention, found.content) == (
        "Grain exporters", "Grain exporters", "a blockade could begin")


def test_attribute_quote_attributed_with_according_to(attributor: EnglishAttributor) -> None:
    text = "“The talks will resume,” according to Kremlin spokesman Dmitry Peskov."
    [found] = _statements(attributor, text)
    assert (found.speaker, found.kind, found.content, found.cue) == (
        "Dmitry Peskov", "direct", "The talks will resume", "according to")


def test_attribute_quote_after_an_introducing_paragraph(attributor: EnglishAttributor) -> None:
    text = "Kremlin spokesman Dmitry Peskov told reporters:\n\n“The talks will resume next week.”"
    assert _found(attributor, text) == [("Dmitry Peskov", "direct", "The talks will resume next week", 50, 81)]


def test_attribute_quote_split_inside_one_sentence(attributor: EnglishAttributor) -> None:
    text = "Mayor Lena Berg arrived late. “We are ready,” she added, “but the other side is not.”"
    assert _found(attributor, text) == [
        ("Lena Berg", "direct", "We are ready", 31, 43),
        ("Lena Berg", "direct", "but the other side is not", 58, 83),
    ]


def test_attribute_quoted_as_saying(attributor: EnglishAttributor) -> None:
    assert _found(attributor, "Peskov was quoted as saying that the talks would resume.") == [
        ("Peskov", "indirect", "the talks would resume", 33, 55)]


def test_attribute_they_resolves_to_a_group_that_spoke(attributor: EnglishAttributor) -> None:
    text = "Western officials said the deal was close. They added that details remained open."
    assert [(s.speaker, s.speaker_mention) for s in _statements(attributor, text)] == [
        ("Western officials", "Western officials"), ("Western officials", "They")]


def test_attribute_appeals_take_a_clause_or_an_object_commitments_a_clause(attributor: EnglishAttributor) -> None:
    # An appeal for a thing is said ("urged caution", "urged an end to the blockade"); a
    # pledge of troops is an act, not a statement.
    text = "Macron urged Moscow to accept the ceasefire. Analysts urged caution. Twenty countries pledge troops."
    assert _found(attributor, text) == [("Macron", "indirect", "Moscow to accept the ceasefire", 13, 43),
                                        ("Analysts", "indirect", "caution", 60, 67)]


def test_attribute_empty_document(attributor: EnglishAttributor) -> None:
    assert _found(attributor, "") == []


def test_attribute_and_urged_after_reported_clause_is_the_speakers_own(attributor: EnglishAttributor) -> None:
    text = "Port director Ines Duarte said the new quay was ready, and urged shipping firms to move their cargo."
    assert _found(attributor, text) == [
        ("Ines Duarte", "indirect", "the new quay was ready", 31, 53),
        ("Ines Duarte", "indirect", "shipping firms to move their cargo", 65, 99),
    ]


def test_attribute_and_described_as_splits_from_passive_clause(attributor: EnglishAttributor) -> None:
    text = ("Finance Minister Paolo Greco said any new levy would be resisted by the banks, "
            "and described the proposal as a tax on savers.")
    assert _found(attributor, text) == [
        ("Paolo Greco", "indirect", "any new levy would be resisted by the banks", 34, 77),
        ("Paolo Greco", "indirect", "the proposal as a tax on savers", 93, 124),
    ]


def test_attribute_and_called_takes_the_quote_after_its_object(attributor: EnglishAttributor) -> None:
    text = 'Trade Minister Paolo Greco said the tariff plan had failed and called the new proposal "a step backwards".'
    assert _found(attributor, text) == [
        ("Paolo Greco", "indirect", "the tariff plan had failed", 32, 58),
        ("Paolo Greco", "mixed", 'the new proposal "a step backwards"', 70, 105),
    ]


def test_attribute_characterising_participle_is_a_statement(attributor: EnglishAttributor) -> None:
    text = "Mayor Lena Berg said the budget was balanced, describing the cuts as painful but necessary."
    assert _found(attributor, text) == [
        ("Lena Berg", "indirect", "the budget was balanced", 21, 44),
        ("Lena Berg", "indirect", "the cuts as painful but necessary", 57, 90),
    ]


def test_attribute_participle_hung_on_reported_clause_takes_the_speaker(attributor: EnglishAttributor) -> None:
    text = 'Colonel Ivan Petrenko said the bridge was "safe for now", arguing that repairs could wait until spring.'
    assert _found(attributor, text) == [
        ("Ivan Petrenko", "mixed", 'the bridge was "safe for now"', 27, 56),
        ("Ivan Petrenko", "indirect", "repairs could wait until spring", 71, 102),
    ]


def test_attribute_she_skips_a_nearer_man(attributor: EnglishAttributor) -> None:
    text = "Ms Anna Kovac spoke after the meeting. Mr Peter Weber had left early. She said the exercise would go ahead."
    [found] = _statements(attributor, text)
    assert (found.speaker, found.speaker_mention, found.content, found.start, found.end) == (
        "Anna Kovac", "She", "the exercise would go ahead", 79, 106)


def test_attribute_pronoun_skips_people_named_in_what_was_said(attributor: EnglishAttributor) -> None:
    text = ("Port spokeswoman Ines Duarte said Kaldor would pay for the dredging. "
            "She also rejected calls for a new tender.")
    assert [(s.speaker, s.speaker_mention, s.content, s.start, s.end) for s in _statements(attributor, text)] == [
        ("Ines Duarte", "Port spokeswoman Ines Duarte", "Kaldor would pay for the dredging", 34, 67),
        ("Ines Duarte", "She", "calls for a new tender", 87, 109),
    ]


def test_attribute_name_after_a_role_is_a_person(attributor: EnglishAttributor) -> None:
    text = "In a statement, the regional envoy Kemi Adeyemi said the border crossings would reopen."
    [found] = _statements(attributor, text)
    assert (found.speaker, found.role, found.content, found.start, found.end) == (
        "Kemi Adeyemi", "regional envoy", "the border crossings would reopen", 53, 86)


def test_attribute_according_to_role_with_name_in_apposition(attributor: EnglishAttributor) -> None:
    text = "According to the port director, Ines Duarte, the water level is falling."
    [found] = _statements(attributor, text)
    assert (found.speaker, found.role, found.content, found.start, found.end) == (
        "Ines Duarte", "port director", "the water level is falling", 45, 71)


def test_attribute_unnamed_spokesman_speaks_for_the_organisation(attributor: EnglishAttributor) -> None:
    text = "A spokeswoman for the Harbour Authority said the quay would reopen."
    [found] = _statements(attributor, text)
    assert (found.speaker, found.speaker_mention, found.content, found.start, found.end) == (
        "Harbour Authority", "the Harbour Authority", "the quay would reopen", 45, 66)


def test_attribute_unnamed_spokesman_for_the_ministry_resolves_back(attributor: EnglishAttributor) -> None:
    text = "The Harbour Ministry met on Monday. A spokesman for the ministry said the quay would reopen."
    [found] = _statements(attributor, text)
    assert (found.speaker, found.content, found.start, found.end) == (
        "Harbour Ministry", "the quay would reopen", 70, 91)


def test_attribute_they_resolves_to_a_group_subject_that_had_not_spoken(attributor: EnglishAttributor) -> None:
    text = "Port workers, who met on Sunday, backed the strike. In a joint letter they called for higher wages for night shifts."
    [found] = _statements(attributor, text)
    assert (found.speaker, found.speaker_mention, found.cue, found.content, found.start, found.end) == (
        "Port workers", "they", "called for", "higher wages for night shifts", 86, 115)


def test_attribute_called_it_a_verdict_keeps_the_pronoun_object(attributor: EnglishAttributor) -> None:
    text = "Mayor Lena Berg has called it a fair settlement."
    assert _found(attributor, text) == [("Lena Berg", "indirect", "it a fair settlement", 27, 47)]


def test_attribute_clause_after_a_time_clause_belongs_to_the_cue(attributor: EnglishAttributor) -> None:
    text = "Mayor Lena Berg said after the council met that the budget was balanced."
    assert _found(attributor, text) == [("Lena Berg", "indirect", "the budget was balanced", 48, 71)]


def test_attribute_continues_to_insist_keeps_the_subject_as_speaker(attributor: EnglishAttributor) -> None:
    text = "The port authority continues to insist that the quay is safe."
    assert _found(attributor, text) == [("port authority", "indirect", "the quay is safe", 44, 60)]


def test_attribute_required_to_write_is_not_a_statement(attributor: EnglishAttributor) -> None:
    text = "The deal would require the council to write into its charter that it will not sell the port."
    assert _found(attributor, text) == []


def test_attribute_parenthetical_attribution_takes_the_whole_sentence(attributor: EnglishAttributor) -> None:
    text = "Mayor Lena Berg met the council. The budget, she said, was balanced."
    [found] = _statements(attributor, text)
    assert (found.speaker, found.kind, found.cue, found.content, found.start, found.end) == (
        "Lena Berg", "indirect", "said", "The budget, she said, was balanced", 33, 67)


def test_attribute_speaker_after_an_opening_participle(attributor: EnglishAttributor) -> None:
    # The small model reads the speaker as the participle's object; the cue still gets it.
    text = "Addressing the Veltan Council, UN special envoy Noor Haddad said a mission of about 30 engineers could deploy within weeks."
    [found] = _statements(attributor, text)
    assert (found.speaker, found.role, found.content, found.start, found.end) == (
        "Noor Haddad", "UN special envoy", "a mission of about 30 engineers could deploy within weeks", 65, 122)


def test_attribute_quote_after_said_comma_is_not_the_next_sentence(attributor: EnglishAttributor) -> None:
    text = "The union said, “We will strike on Monday.” The ministry announced that it would close the port."
    assert _found(attributor, text) == [
        ("union", "direct", "We will strike on Monday", 17, 41),
        ("ministry", "indirect", "it would close the port", 72, 95),
    ]


def test_attribute_object_cue_before_a_colon_and_an_unclosed_quoted_line(attributor: EnglishAttributor) -> None:
    text = ("The mayor met the press on Monday. The mayor described the plan as follows:\n"
            "-“The bridge will close in May. Ferries will run instead.\n\nResidents were not convinced.")
    assert _found(attributor, text) == [
        ("mayor", "direct", "The bridge will close in May. Ferries will run instead", 78, 132),
    ]


def test_attribute_role_noun_keeps_the_last_speaker_when_both_fit(attributor: EnglishAttributor) -> None:
    text = ('President Ana Ruiz opened the session. "We want a deal," Ruiz said after meeting Latvian '
            'President Tom Vos. "We do not need a new plan," the president added.')
    assert _found(attributor, text) == [
        ("Ana Ruiz", "direct", "We want a deal", 40, 54),
        ("Ana Ruiz", "direct", "We do not need a new plan", 109, 134),
    ]


@pytest.mark.parametrize("text", [
    "Envoys flew to Vienna on Monday. It insists on a ceasefire.",
    "The talks were held in Vienna. It said the ceasefire must hold.",
    "Ministers gathered at Geneva for a day. It wants a ceasefire.",
])
def test_attribute_pronoun_never_resolves_to_a_venue(attributor: EnglishAttributor, text: str) -> None:
    """A place named as where something happens is no one "it" can stand for."""
    assert [s.speaker for s in _statements(attributor, text)] == []


def test_attribute_pronoun_still_resolves_to_a_place_that_acts(attributor: EnglishAttributor) -> None:
    """A capital as a party ("Vienna wants") is a referent; so is a party after a noun's "to"."""
    assert [s.speaker for s in _statements(attributor, "Vienna wants a ceasefire. It said the truce must hold.")] == [
        "Vienna"]
    text = "The plan poses a threat to Norway. It says the truce must hold."
    assert [s.speaker for s in _statements(attributor, text)] == ["Norway"]


def test_attribute_a_defined_acronym_names_the_body_in_full(attributor: EnglishAttributor) -> None:
    text = (
        "CPR: Harbour reopening key to recovery\n\n"
        "The mayor appears to be delaying the bridge repairs, the Centre for Port Recovery (CPR) reports.\n\n"
        "CPR noted that the dredging crews had finished early."
    )
    assert [(s.speaker, s.content) for s in _statements(attributor, text)] == [
        ("Centre for Port Recovery", "Harbour reopening key to recovery"),
        ("Centre for Port Recovery", "The mayor appears to be delaying the bridge repairs"),
        ("Centre for Port Recovery", "the dredging crews had finished early"),
    ]


def test_attribute_an_outlet_relaying_a_persons_words_is_no_speaker(attributor: EnglishAttributor) -> None:
    relayed = "The city will review the harbour fees after the vote, Mayor Ana Ruiz told traders, the Coastal Herald reported."
    assert all(s.speaker != "Coastal Herald" for s in _statements(attributor, relayed))
    leading = "The Coastal Herald reported that the city had offered to cut the harbour fees."
    assert [(s.speaker, s.content) for s in _statements(attributor, leading)] == [
        ("Coastal Herald", "the city had offered to cut the harbour fees")]


def test_attribute_an_unnamed_source_of_the_lead_is_the_person_named_next(attributor: EnglishAttributor) -> None:
    text = ('Port deal is close, a senior Danish diplomat was quoted as saying on Tuesday. '
            '"We are nearly there," Deputy Foreign Minister Jo Roe told the Tribune.')
    assert [s.speaker for s in _statements(attributor, text)] == ["Jo Roe", "Jo Roe"]


def test_attribute_an_unnamed_source_stays_unnamed_after_a_named_speaker_or_anonymity(
        attributor: EnglishAttributor) -> None:
    later = ('Mayor Tom Vos said the port would close. The levy will stay, an official told reporters. '
             '"We are nearly there," Deputy Foreign Minister Jo Roe told the Tribune.')
    assert [s.speaker for s in _statements(attributor, later)] == ["Tom Vos", "official", "Jo Roe"]
    anonymous = ('The levy will stay, a senior official told reporters, speaking on condition of anonymity. '
                 '"We are nearly there," Deputy Foreign Minister Jo Roe told the Tribune.')
    assert [s.speaker for s in _statements(attributor, anonymous)] == ["senior official", "Jo Roe"]
    # A Danish official is not the Norwegian prime minister.
    other = "The levy will stay, a Danish official told reporters. Norwegian Prime Minister Jo Roe said the port would close."
    assert [s.speaker for s in _statements(attributor, other)] == ["Danish official", "Jo Roe"]


def test_attribute_the_company_is_the_body_named_in_what_others_said(attributor: EnglishAttributor) -> None:
    text = "Mayor Tom Vos said Acme Corp had agreed to sell the mill. The company has maintained it won't sell."
    assert [(s.speaker, s.content) for s in _statements(attributor, text)] == [
        ("Tom Vos", "Acme Corp had agreed to sell the mill"), ("Acme Corp", "it won't sell")]


def test_attribute_a_report_from_an_outlet_is_the_outlets_not_its_owners(attributor: EnglishAttributor) -> None:
    text = ("The port will close in May, according to a report from the Harbour Gazette, a weekly owned "
            "and published by shipping magnate Ana Ruiz.")
    assert [s.speaker for s in _statements(attributor, text)] == ["Harbour Gazette"]
    assert [(s.speaker, s.content) for s in _statements(
        attributor, "The port will close in May, according to a statement by the council.")] == [
        ("council", "The port will close in May")]


def test_attribute_a_day_the_parser_made_a_speakers_head_is_no_part_of_the_name(attributor: EnglishAttributor) -> None:
    assert [s.speaker for s in _statements(attributor, "Oslo: Mayor Vasko Thursday announced that the port must close.")] == [
        "Vasko"]


def test_attribute_headline_source_at_the_end_with_a_title(attributor: EnglishAttributor) -> None:
    text = "Port could reopen as part of a final deal - PM Vos\n\nPrime Minister Tom Vos said on Monday that the port could reopen."
    assert [(s.speaker, s.content) for s in _statements(attributor, text)] == [
        ("Tom Vos", "Port could reopen as part of a final deal"), ("Tom Vos", "the port could reopen")]


def test_attribute_a_relative_clause_on_a_plan_for_a_place_is_the_plans(attributor: EnglishAttributor) -> None:
    text = ("Norway has not agreed to every point of President Vos's 20-point plan for Cyprus, which calls for "
            "the complete sale of the port, but it has said the outline is a good basis for talks.")
    # The plan speaks in a relative clause: "it" is still the sentence's subject.
    assert [(s.speaker, s.content) for s in _statements(attributor, text)] == [
        ("Vos's 20-point plan", "the complete sale of the port"), ("Norway", "the outline is a good basis for talks")]


def test_attribute_headline_stance_verbs(attributor: EnglishAttributor) -> None:
    text = "Union refuses to give up hopes of a pay deal\n\nThe union said on Monday it would not drop its claim."
    assert [(s.speaker, s.content) for s in _statements(attributor, text)][0] == ("Union", "give up hopes of a pay deal")
    # An attributed headline's stance verb is the source's report, not a statement of its own.
    text = "Traders backed the levy, mayor says\n\nThe mayor said on Monday the levy would stay."
    assert [s.speaker for s in _statements(attributor, text)] == ["mayor", "mayor"]


def test_attribute_a_headline_role_and_the_leads_source_are_the_person_named_next(attributor: EnglishAttributor) -> None:
    text = ("Harbour lawmaker warns port will close\n\nA senior harbour lawmaker has warned the council that the port "
            "will close. Lena Marsh, a former mayor who now sits in parliament, said on Wednesday that the town would act.")
    assert [s.speaker for s in _statements(attributor, text)] == ["Lena Marsh", "Lena Marsh", "Lena Marsh"]


def test_attribute_role_an_organisation_qualifies_is_that_office(attributor: EnglishAttributor) -> None:
    # Invented: "the UN envoy" is not the mayor named before it.
    text = ("Mayor Lena Berg ruled out a toll.\n\n"
            "Traffic will double by spring, according to the United Nations High Commissioner for Rivers.")
    speakers = [s for s, *_ in _found(attributor, text)]
    assert speakers[-1].startswith("United Nations") and "Lena Berg" not in speakers[1:]


def test_attribute_chief_of_a_body_is_its_leader_named_before(attributor: EnglishAttributor) -> None:
    # Invented: "chief" is a leader's role, so "the Red Brigade chief" is its leader named before.
    text = "Red Brigade leader Tom Hale called for talks. The Red Brigade chief stressed that the strike would go on."
    assert [s.speaker for s in _statements(attributor, text)] == ["Tom Hale", "Tom Hale"]


def test_attribute_a_decks_capitalised_body_noun_is_the_body_the_article_names(attributor: EnglishAttributor) -> None:
    # Invented: "Group responds …" under a headline and the site's furniture is "the group",
    # the body the article names below.
    text = ("Dockers ready to end the strike, hand over the cranes\n\nTODAY'S PAPER | EPAPER\n\n"
            "Group responds to the mayor's plan after the city gave it until Sunday night to accept or reject the offer\n\n"
            "The Sarn Dockers Union said on Monday that the offer was too low. "
            "The Sarn Dockers Union added that talks would go on.")
    assert [s.speaker for s in _statements(attributor, text)] == ["Sarn Dockers Union"] * 3


def test_attribute_he_after_a_bodys_report_is_the_person_it_names(attributor: EnglishAttributor) -> None:
    # Invented: a ministry cannot be "he", so the mayor its report names still can.
    text = "The Harbour Ministry said that Mayor Ron Vos had met the dockers on Monday. He claimed that the strike would end soon."
    assert [s.speaker for s in _statements(attributor, text)] == ["Harbour Ministry", "Ron Vos"]


def test_attribute_role_with_a_place_skips_a_person_of_another_place(attributor: EnglishAttributor) -> None:
    # Invented: "the Estonian diplomat" is not the Latvian prime minister who spoke last.
    text = ("Latvian Prime Minister Ana Ruiz said the talks in Estonia were useful. Ruiz stressed that more "
            "work was needed. Earlier, the foreign ministers of Latvia and Estonia, Tom Vos and Lena Berg, "
            "met in Riga. “Latvia raises questions for us,” the Estonian diplomat said.")
    assert [s.speaker for s in _statements(attributor, text)][-1] != "Ana Ruiz"


def test_attribute_officials_of_two_adjectives_speak_for_each(attributor: EnglishAttributor) -> None:
    # Invented: "Latvian and Estonian officials said …" is said by the officials of each.
    text = "Latvian and Estonian officials said on Monday that the border would reopen."
    assert [s.speaker for s in _statements(attributor, text)] == ["Latvian and Estonian officials", "Estonian officials"]


def test_attribute_object_pronoun_is_not_its_own_clauses_subject(attributor: EnglishAttributor) -> None:
    # Invented: "according to him" inside a clause about Tallinn is the mayor's, not Tallinn's.
    text = ("Mayor Tomas Vela met the press on the pier. "
            "Tallinn, according to him, \"answered the offer with a blockade of the harbour.\"")
    assert [s.speaker for s in _statements(attributor, text)][-1] == "Tomas Vela"


def test_attribute_quote_cues_report_only_beside_a_quote(attributor: EnglishAttributor) -> None:
    # Invented: "continued" and "smiled" beside a quote report it; the talks continuing report nothing.
    text = ("Mayor Tomas Vela met the press. At the same time, Vela continued, \"the bridge must wait.\" "
            "\"Not this year,\" the mayor smiled. The talks continued into the night.")
    assert [(s.speaker, s.content) for s in _statements(attributor, text)] == [
        ("Tomas Vela", "the bridge must wait"), ("Tomas Vela", "Not this year")]


def test_attribute_a_countrys_newspaper_is_the_outlet_and_the_report_is_its(attributor: EnglishAttributor) -> None:
    # Invented: "Norway's Vestnik newspaper" is the outlet, not Norway; "the report" is its words.
    text = ("Earlier on Monday, Norway's Vestnik newspaper reported that the port would reopen. "
            "The report said the ferries would sail in May.")
    assert [(s.speaker, s.role) for s in _statements(attributor, text)] == [("Vestnik", None), ("Vestnik", None)]


@pytest.mark.parametrize(("text", "speakers"), [
    # Invented: the outlet's quoted name in apposition, not its adjective, is the source; a
    # source phrase that a person's coordinated speech follows only relays it.
    ("According to the Norwegian newspaper “Vestnik”, the port will reopen.", ["Vestnik"]),
    ("According to the weekly Vestnik, Mayor Ana Ruiz spoke on Monday and stated that the port will reopen.",
     ["Ana Ruiz"]),
])
def test_attribute_source_phrase_outlet_name_and_relayed_speech(
        attributor: EnglishAttributor, text: str, speakers: list[str]) -> None:
    assert [s.speaker for s in _statements(attributor, text)] == speakers
