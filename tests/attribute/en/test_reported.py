"""Reported-speech frames of the general reporting lexicon, each on an invented sentence."""

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


def test_reported_as_verdict_is_a_statement(attributor: EnglishAttributor) -> None:
    text = "Union leader Tom Hale saw the vote as a turning point."
    assert _found(attributor, text) == [("Tom Hale", "the vote as a turning point", 26, 53)]


def test_reported_speech_participle_with_an_object_is_a_second_statement(attributor: EnglishAttributor) -> None:
    text = "Harbour master Ines Duarte reiterated the port's readiness to reopen, describing the repairs as nearly complete."
    assert _found(attributor, text) == [
        ("Ines Duarte", "to reopen", 59, 68),
        ("Ines Duarte", "the repairs as nearly complete", 81, 111),
    ]


def test_reported_light_verb_make_clear(attributor: EnglishAttributor) -> None:
    assert _found(attributor, "The envoy made clear that the offer stands.") == [("envoy", "the offer stands", 26, 42)]


def test_reported_press_for_and_warn_not_to(attributor: EnglishAttributor) -> None:
    assert _found(attributor, "Ministers pressed for a truce before the talks.") == [
        ("Ministers", "a truce before the talks", 22, 46)]
    assert _found(attributor, "Mayor Ana Ruiz warned the council not to delay the vote.") == [
        ("Ana Ruiz", "the council not to delay the vote", 22, 55)]


def test_reported_per_names_the_source(attributor: EnglishAttributor) -> None:
    assert _found(attributor, "The mill will stay open, per the regional council.") == [
        ("regional council", "The mill will stay open", 0, 23)]


def test_reported_quoted_as_saying_gives_the_quoted_person(attributor: EnglishAttributor) -> None:
    text = "The Tribune quoted Mayor Ana Ruiz as saying the bridge would reopen in May."
    assert _found(attributor, text) == [("Ana Ruiz", "the bridge would reopen in May", 44, 74)]


def test_reported_absolute_with_clause_speaks_through_its_noun(attributor: EnglishAttributor) -> None:
    text = "Prices rose, with the farmers' union insisting that the quota was unfair."
    assert _found(attributor, text) == [("union", "the quota was unfair", 52, 72)]


def test_reported_purpose_clause_keeps_the_speaker(attributor: EnglishAttributor) -> None:
    assert _found(attributor, "Mayor Ana Ruiz spoke to reporters to describe the plan.") == [
        ("Ana Ruiz", "the plan", 46, 54)]


def test_reported_nested_speech_is_its_own_record(attributor: EnglishAttributor) -> None:
    text = "Aides said the mayor had told them that the budget was final."
    assert _found(attributor, text) == [
        ("Aides", "the mayor had told them that the budget was final", 11, 60),
        ("mayor", "the budget was final", 40, 60),
    ]


def test_reported_relative_clause_cue_reports_what_follows(attributor: EnglishAttributor) -> None:
    text = "The river plan, which Ruiz said would cost millions, was approved."
    assert _found(attributor, text) == [("Ruiz", "would cost millions", 32, 51)]


def test_reported_guesses_and_refusals_report_nothing(attributor: EnglishAttributor) -> None:
    assert _found(attributor, "The council may demand a recount.") == []
    assert _found(attributor, "The ministry offered no hint it would change course.") == []


def test_reported_opening_participle_sets_the_scene(attributor: EnglishAttributor) -> None:
    assert _found(attributor, "Commenting on the vote, Ruiz said the result was fair.") == [
        ("Ruiz", "the result was fair", 34, 53)]


def test_reported_evidence_frame_is_less_sure(attributor: EnglishAttributor) -> None:
    text = "The flood survey found that most farms were insured."
    document = Document(id="d1", doc="a.txt", origin="a.txt", raw_text=text, text=text)
    [found] = attributor.statements(document)
    assert (found.speaker, found.content, found.confidence) == ("flood survey", "most farms were insured", 0.72)


def test_reported_source_phrase_with_a_relative_clause_after_it(attributor: EnglishAttributor) -> None:
    text = ('Mayor Tom Ruiz spoke to reporters on Monday. According to him, those who doubt the plan are '
            '"not quite serious." He accused them of spreading fear.')
    assert _found(attributor, text) == [
        ("Tom Ruiz", 'those who doubt the plan are "not quite serious."', 63, 112),
        ("Tom Ruiz", "them of spreading fear", 124, 146),
    ]


def test_reported_a_question_weighed_is_not_a_view(attributor: EnglishAttributor) -> None:
    assert _found(attributor, "The mayor doubts whether the bridge can reopen.") == []
    assert _found(attributor, "The mayor doubts that the bridge can reopen.") == [
        ("mayor", "the bridge can reopen", 22, 43)]


def test_reported_wire_credit_and_speech_participle(attributor: EnglishAttributor) -> None:
    text = ("(Wire) – The port will reopen in May, Mayor Tom Ruiz said on Friday, "
            "underscoring the council's role in the repairs.")
    assert _found(attributor, text) == [
        ("Tom Ruiz", "The port will reopen in May", 9, 36),
        ("Tom Ruiz", "the council's role in the repairs", 82, 115),
    ]


def test_reported_relayed_quote_and_its_continuation(attributor: EnglishAttributor) -> None:
    text = ("“The port will reopen in May,” the city bulletin quoted Mayor Tom Ruiz as saying.\n"
            "“We owe the dock workers patience and a fair wage for the months ahead.”")
    assert _found(attributor, text) == [
        ("Tom Ruiz", "The port will reopen in May", 1, 28),
        ("Tom Ruiz", "We owe the dock workers patience and a fair wage for the months ahead", 83, 152),
    ]


def test_reported_as_clause_before_a_verb_of_presenting(attributor: EnglishAttributor) -> None:
    # "presented" can take an as-verdict elsewhere; here it is only what was reported.
    text = "As Reuters reported earlier, on Monday the council presented a new plan for the docks."
    assert _found(attributor, text) == [("Reuters", "on Monday the council presented a new plan for the docks", 29, 85)]


def test_reported_participle_after_a_cue_set_aside_is_the_cue_speakers(attributor: EnglishAttributor) -> None:
    text = ('The Anglo-Dutch team would also study the size of "next year\'s harbour fleet", Ortega said, '
            'stressing the value of a "modern fleet".')
    assert _found(attributor, text) == [
        ("Ortega", "The Anglo-Dutch team would also study the size of \"next year's harbour fleet\"", 0, 77),
        ("Ortega", 'the value of a "modern fleet"', 102, 131),
    ]


def test_reported_coordinated_speakers_each_make_the_statement(attributor: EnglishAttributor) -> None:
    text = "Norway, Denmark and Iceland said the port would reopen."
    assert _found(attributor, text) == [
        ("Norway", "the port would reopen", 33, 54),
        ("Denmark", "the port would reopen", 33, 54),
        ("Iceland", "the port would reopen", 33, 54),
    ]


def test_reported_statement_noun_speaks_for_its_author(attributor: EnglishAttributor) -> None:
    assert _found(attributor, "A statement by the ministry said the border would stay closed until May.") == [
        ("ministry", "the border would stay closed until May", 33, 71)]
    assert _found(attributor, "Remarks from the envoy on Tuesday suggested that the talks could resume.") == [
        ("envoy", "the talks could resume", 49, 71)]


def test_reported_passive_verdict_belongs_to_its_agent(attributor: EnglishAttributor) -> None:
    assert _found(attributor, "The plan was criticised by Senator Ana Ruiz as unworkable.") == [
        ("Ana Ruiz", "The plan was criticised by Senator Ana Ruiz as unworkable", 0, 57)]
    assert _found(attributor, "The levy, which was condemned by the chamber of commerce, takes effect in May.") == [
        ("chamber of commerce", "The levy", 0, 8)]


def test_reported_passive_without_an_agent_reports_nothing(attributor: EnglishAttributor) -> None:
    assert _found(attributor, "The plan was criticised as unworkable.") == []


def test_reported_speaker_entity_drops_a_trailing_preposition(attributor: EnglishAttributor) -> None:
    # The recogniser may run "the ministry on Friday" into one entity.
    assert _found(attributor, "The ceasefire was announced by the ministry on Friday.") == [
        ("ministry", "The ceasefire", 0, 13)]


def test_reported_speakers_beyond_politics(attributor: EnglishAttributor) -> None:
    assert _found(attributor, "The coach told reporters his team had played well.") == [
        ("coach", "his team had played well", 25, 49)]


def test_reported_the_statement_is_its_issuers(attributor: EnglishAttributor) -> None:
    text = "In a statement, the farmers' union urged the council to act. The statement said the harvest was at risk."
    assert _found(attributor, text) == [("union", "the council to act", 41, 59),
                                        ("union", "the harvest was at risk", 80, 103)]


def test_reported_the_company_is_the_organisation_last_named(attributor: EnglishAttributor) -> None:
    text = "Acme Corp said profits rose. The company expects growth next year, the firm said."
    assert _found(attributor, text) == [("Acme Corp", "profits rose", 15, 27),
                                        ("Acme Corp", "The company expects growth next year", 29, 65)]


def test_reported_source_phrase_relays_an_attributed_clause(attributor: EnglishAttributor) -> None:
    text = "In the meeting, according to the report, the mayor said the bridge would reopen."
    assert _found(attributor, text) == [("mayor", "the bridge would reopen", 56, 79)]


def test_reported_source_phrase_keeps_another_act_as_its_report(attributor: EnglishAttributor) -> None:
    text = "According to the mayor, the council reminded the builders of the deadline."
    assert _found(attributor, text) == [("mayor", "the council reminded the builders of the deadline", 24, 73)]


def test_reported_a_places_office_is_its_holder_named_next(attributor: EnglishAttributor) -> None:
    text = "Norway's foreign minister says the talks made progress.\nIvan Brekke said the two sides were close."
    assert _found(attributor, text) == [("Ivan Brekke", "the talks made progress", 31, 54),
                                        ("Ivan Brekke", "the two sides were close", 73, 97)]


def test_reported_a_places_office_is_not_another_places_holder(attributor: EnglishAttributor) -> None:
    text = "Ukrainian Foreign Minister Ana Dole spoke first. Later, Norway's foreign minister said the talks made progress."
    assert _found(attributor, text) == [("Norway's foreign minister", "the talks made progress", 87, 110)]


def test_reported_a_surname_read_as_an_adverb_still_speaks(attributor: EnglishAttributor) -> None:
    text = "Tim Long, an analyst at a bank, cut his target. Long said a downturn may be to blame."
    assert _found(attributor, text) == [("Tim Long", "a downturn may be to blame", 58, 84)]


def test_reported_a_cue_in_a_time_clause_says_nothing_before_it(attributor: EnglishAttributor) -> None:
    text = "The shares are still down from last week, when the company forecast slower growth."
    assert _found(attributor, text) == []


def test_reported_a_source_aside_speaks_the_sentence_around_it(attributor: EnglishAttributor) -> None:
    assert _found(attributor, "The port, in the view of analysts, needs a new crane.") == [
        ("analysts", "The port, in the view of analysts, needs a new crane", 0, 52)]
    # An opening adverb is no clause: the source speaks what follows it.
    assert _found(attributor, "However, according to the mayor, the port needs a new crane.") == [
        ("mayor", "the port needs a new crane", 33, 59)]


def test_reported_headline_content_before_the_source_needs_no_verb(attributor: EnglishAttributor) -> None:
    assert _found(attributor, "Budget ‘a step forward’ for the city, mayor says") == [
        ("mayor", "Budget ‘a step forward’ for the city", 0, 36)]


def test_reported_a_fronted_scene_is_not_what_was_said(attributor: EnglishAttributor) -> None:
    text = "When pressed on the date, Mayor Ana Ruiz responded “well, it’s fixed”."
    assert _found(attributor, text) == [("Ana Ruiz", "well, it’s fixed", 52, 68)]


def test_reported_a_quote_right_after_the_cue_is_what_was_said(attributor: EnglishAttributor) -> None:
    assert _found(attributor, "Mayor Ana Ruiz replied “not at all” when asked.") == [("Ana Ruiz", "not at all", 24, 34)]
    assert _found(attributor, "Mayor Ana Ruiz said “we will win” and left.") == [("Ana Ruiz", "we will win", 21, 32)]


def test_reported_a_name_taken_is_no_verdict(attributor: EnglishAttributor) -> None:
    assert _found(attributor, "The alliance, calling itself the Front, met on Monday.") == []


def test_reported_a_quote_paragraph_belongs_to_the_person_it_follows(attributor: EnglishAttributor) -> None:
    text = "Mayor Ana Ruiz took the time to criticise the council.\n“They cannot even agree on a date for the vote.”"
    assert _found(attributor, text) == [("Ana Ruiz", "They cannot even agree on a date for the vote", 56, 101)]


def test_reported_they_reaches_a_plural_the_recogniser_took_for_a_name(attributor: EnglishAttributor) -> None:
    text = "Farmers protested in the capital on Monday. Prices for grain have fallen sharply. They said the government had failed them."
    assert _found(attributor, text) == [("Farmers", "the government had failed them", 92, 122)]


def test_reported_he_is_the_main_clauses_subject_not_an_embedded_one(attributor: EnglishAttributor) -> None:
    text = "Mayor Tom Hale knew that Ivan Brekke was ill. He said the vote would wait."
    assert _found(attributor, text) == [("Tom Hale", "the vote would wait", 54, 73)]


def test_reported_source_phrase_and_trailing_relay_are_two_statements(attributor: EnglishAttributor) -> None:
    text = "According to trade minister Lena Marsh, the tariff will rise in May, the Herald wrote."
    assert _found(attributor, text) == [
        ("Herald", "According to trade minister Lena Marsh, the tariff will rise in May", 0, 67),
        ("Lena Marsh", "the tariff will rise in May", 40, 67),
    ]


def test_reported_as_clause_with_its_own_words_is_no_as_attribution(attributor: EnglishAttributor) -> None:
    text = ("Mayor Ana Ruiz reiterated in an interview with the Tribune that the council remains opposed "
            "to the sale, as Acme and Norway have signalled being open to buying the port.")
    assert [s[0] for s in _found(attributor, text)] == ["Ana Ruiz"]


def test_reported_thought_over_an_open_question_is_no_view(attributor: EnglishAttributor) -> None:
    assert _found(attributor, "Acme Corp considers how the plant could be sold.") == []
    assert _found(attributor, "Acme Corp believes that the plant could be sold.") == [
        ("Acme Corp", "the plant could be sold", 24, 47)]


def test_reported_an_issued_statement_with_a_that_clause_is_its_issuers(attributor: EnglishAttributor) -> None:
    text = "The Danish Foreign Ministry released a statement in late May that the allies were weighing a new pact."
    assert _found(attributor, text) == [
        ("Danish Foreign Ministry", "the allies were weighing a new pact", 66, 101)]


def test_reported_be_clear_that_is_a_stance_and_expletive_it_is_no_speaker(attributor: EnglishAttributor) -> None:
    text = "The council has been clear that it will not sell the port, but it has not ruled out a lease."
    assert _found(attributor, text) == [
        ("council", "it will not sell the port, but it has not ruled out a lease", 32, 91)]
    assert _found(attributor, "It is clear that the port will close.") == []


def test_reported_floating_declaring_and_indicating_readiness_are_cues(attributor: EnglishAttributor) -> None:
    assert _found(attributor, "Acme floated a merger as part of a wider plan.") == [
        ("Acme", "a merger as part of a wider plan", 13, 45)]
    assert _found(attributor, "In a statement, the union indicated readiness to support a shorter week.") == [
        ("union", "to support a shorter week", 46, 71)]
    assert _found(attributor, "The mayor has already declared her commitment to tackling fraud.") == [
        ("mayor", "her commitment to tackling fraud", 31, 63)]


def test_reported_an_act_after_a_time_preposition_is_no_statement(attributor: EnglishAttributor) -> None:
    assert _found(attributor, "The envoy said Acme must sell the mill a day after floating a merger.") == [
        ("envoy", "Acme must sell the mill a day after floating a merger", 15, 68)]


def test_reported_a_clause_joined_with_its_own_cue_and_subject_is_not_the_hosts(attributor: EnglishAttributor) -> None:
    text = ("The mayor said the road map for a deal on the port's future won't be one that everyone likes, "
            "and local traders have already decried the involvement of the council in drafting it.")
    assert _found(attributor, text) == [
        ("mayor", "the road map for a deal on the port's future won't be one that everyone likes", 15, 92),
        ("local traders", "the involvement of the council in drafting it", 133, 178),
    ]


def test_reported_that_opens_the_clause_the_parser_made_relative(attributor: EnglishAttributor) -> None:
    text = "The mayor also claimed during the press conference that the union has agreed to talk."
    assert _found(attributor, text) == [("mayor", "the union has agreed to talk", 56, 84)]


def test_reported_make_clear_with_clear_hung_on_the_clause(attributor: EnglishAttributor) -> None:
    text = ("Kyiv has made clear it will not cede land it controls, and Zelensky said neither the constitution "
            "nor the law gave him the right to give territory away.")
    assert [(s[0], s[1]) for s in _found(attributor, text)] == [
        ("Kyiv", "it will not cede land it controls"),
        ("Zelensky", "neither the constitution nor the law gave him the right to give territory away"),
    ]


def test_reported_a_cue_in_a_condition_is_no_statement(attributor: EnglishAttributor) -> None:
    text = "Mayor Tom Vos said the port would close. If the union insisted on a vote, the plan would fail."
    assert [(s[0], s[1]) for s in _found(attributor, text)] == [("Tom Vos", "the port would close")]
    text = "Mayor Tom Vos spoke on Monday. If the union insisted on a vote, he argued, it would be the only one to do so."
    assert [s[0] for s in _found(attributor, text)] == ["Tom Vos"]


def test_reported_a_caption_verb_before_a_time_or_place_says_nothing(attributor: EnglishAttributor) -> None:
    text = "Trade Minister Lena Marsh speaks during a news conference in Oslo on May 4, 2025. (Wire Photo)"
    assert _found(attributor, text) == []


def test_reported_dateline_taken_for_the_subject_gives_way_to_the_name_after_its_dash(attributor: EnglishAttributor) -> None:
    # Invented: the parser may read the capitals of a wire dateline as the subject of "said".
    text = "TBILISI, Georgia (Wire) — Georgian Foreign Minister Anna Roe said Georgia and Moldova are closer than ever to a trade accord."
    assert [s for s, *_ in _found(attributor, text)] == ["Anna Roe"]


def test_reported_phrase_the_parser_hangs_on_the_cue_after_the_clause_runs_on_it(attributor: EnglishAttributor) -> None:
    # Invented: "on a proposed ferry deal" attaches to "said" in the parse but belongs to the clause;
    # a clause of the cue's own ("adding …") still ends the content.
    text = ("The Kremlin said on Monday that Oslo has yet to receive information from Madrid regarding consultations "
            "held in Bern, Switzerland, on a proposed 12-point Spanish fishing plan to end the dispute.")
    assert [c for _, c, *_ in _found(attributor, text)] == [
        "Oslo has yet to receive information from Madrid regarding consultations held in Bern, Switzerland, "
        "on a proposed 12-point Spanish fishing plan to end the dispute"]
    assert [c for _, c, *_ in _found(attributor, "The mayor said the port would close, adding that talks had failed.")] == [
        "the port would close", "talks had failed"]


@pytest.mark.parametrize(("text", "second"), [
    # Invented: a verdict on "it" in a participle after what was said is said then too.
    ("Mayor Lena Berg said the levy was unfair, calling it a tax on the poor.", "it a tax on the poor"),
    # The comma before the participle may sit inside the quote before it.
    ('Mayor Lena Berg said the plan breaks the "spirit of the charter," stating that it must be redrafted.',
     "it must be redrafted"),
    # "while" or an adverb may come between the comma and the participle.
    ("Mayor Lena Berg praised the deal, while warning that jobs would be lost.", "jobs would be lost"),
    ("Mayor Lena Berg said the levy was unfair, again insisting that it must go.", "it must go"),
])
def test_reported_speech_trailing_participle_variants_are_second_statements(
        attributor: EnglishAttributor, text: str, second: str) -> None:
    found = _found(attributor, text)
    assert [content for _, content, _, _ in found][-1] == second
    assert len(found) == 2 and all(speaker == "Lena Berg" for speaker, _, _, _ in found)


def test_reported_speech_participle_on_a_statement_noun_takes_its_owner(attributor: EnglishAttributor) -> None:
    # Invented: "a letter from X stating …" is X's statement.
    text = "The vote followed a letter from Mayor Lena Berg stating that the bridge would close."
    assert _found(attributor, text) == [("Lena Berg", "the bridge would close", 61, 83)]


def test_reported_speech_act_before_an_outlets_closing_relay_is_the_persons(attributor: EnglishAttributor) -> None:
    # Invented: an act between a person's cue and an outlet's closing relay is the person's.
    text = "Mayor Lena Berg said the bridge would close, adding that traffic would fall, the Herald reported."
    assert [(speaker, content) for speaker, content, _, _ in _found(attributor, text)] == [
        ("Lena Berg", "the bridge would close"), ("Lena Berg", "traffic would fall")]


@pytest.mark.parametrize(("text", "speaker"), [
    # Invented: a relay "citing X" gives the words to X, on either parse; unnamed sources leave
    # them the outlet's.
    ("The Herald reported, citing Mayor Tom Hale, that the port would reopen.", "Tom Hale"),
    ("The Herald reported on Monday, citing Mayor Tom Hale, that the port would reopen.", "Tom Hale"),
    ("The Herald reported, citing its own sources, that the port would reopen.", "Herald"),
])
def test_reported_speech_relay_citing_a_speaker_gives_them_the_words(
        attributor: EnglishAttributor, text: str, speaker: str) -> None:
    assert [(s, content) for s, content, _, _ in _found(attributor, text)] == [(speaker, "the port would reopen")]


def test_reported_congratulating_and_thanking_report_what_for(attributor: EnglishAttributor) -> None:
    # Invented: "congratulated X on Y" and "thanked X for Y" are the speaker's verdicts.
    text = "Mayor Lena Berg congratulated the dockers on reaching a deal with the port."
    assert [(s, content) for s, content, _, _ in _found(attributor, text)] == [
        ("Lena Berg", "the dockers on reaching a deal with the port")]


@pytest.mark.parametrize(("text", "cue", "content"), [
    # Invented: a preposition before the verb ("On Friday, …") sets the scene; the phrasal
    # cue's own preposition follows the verb.
    ("On Friday, the envoy commented on the vote in parliament.", "commented on", "the vote in parliament"),
    ("On Monday, Mayor Lena Berg extended her congratulations to the dockers for reaching a deal.",
     "extended her congratulations to", "the dockers for reaching a deal"),
])
def test_reported_phrasal_cue_after_a_scene_setting_preposition(
        attributor: EnglishAttributor, text: str, cue: str, content: str) -> None:
    document = Document(id="d1", doc="a.txt", origin="a.txt", raw_text=text, text=text)
    assert [(s.cue, s.content) for s in attributor.statements(document)] == [(cue, content)]


def test_reported_intent_cue_past_a_frequency_adverbial(attributor: EnglishAttributor) -> None:
    # Invented: "more than once" between the cue and its infinitive, read as an object.
    text = "Governor Ray Lutz has threatened more than once to close the port if talks fail."
    assert [(s, content) for s, content, _, _ in _found(attributor, text)] == [
        ("Ray Lutz", "to close the port if talks fail")]


def test_reported_verdict_with_the_object_parsed_as_its_predicate(attributor: EnglishAttributor) -> None:
    # Invented: "called the city's right to tax non-negotiable", object misread as a predicate;
    # "what it calls …" is a habit of naming and reports nothing.
    said = "The mayor, Tom Hale, has repeatedly called the city's right to tax non-negotiable."
    assert [(s, content) for s, content, _, _ in _found(attributor, said)] == [
        ("Tom Hale", "the city's right to tax non-negotiable")]
    named = "The plan echoes the demand for what it calls the “unity of the harbour”."
    assert _found(attributor, named) == []
