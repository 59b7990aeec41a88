"""Stances from statements and from an article's own reporting, with the default pack."""

from __future__ import annotations

import pytest

from redline.models import Document, Position, Statement
from redline.position import load_pack
from redline.position.en.positioner import EnglishPositioner


@pytest.fixture(scope="module")
def positioner() -> EnglishPositioner:
    return EnglishPositioner(load_pack("ukraine-security"))


def _read(positioner: EnglishPositioner, text: str, statements: list[Statement] | None = None) -> list[Position]:
    document = Document(id="d1", doc="d1.txt", origin="d1.txt", raw_text=text, text=text)
    return positioner.positions(document, statements or [])[1]


def _stances(positions: list[Position]) -> set[tuple[str, str, str]]:
    return {(p.actor, p.issue, p.stance) for p in positions}


def test_stance_not_against_is_neutral(positioner: EnglishPositioner) -> None:
    positions = _read(positioner, "Moscow is not against a ceasefire along the current line.")
    assert _stances(positions) == {("Russia", "ceasefire", "neutral")}
    assert positions[0].evidence == "not against a ceasefire"


def test_stance_does_not_want_is_oppose(positioner: EnglishPositioner) -> None:
    positions = _read(positioner, "Paris does not want a ceasefire that rewards aggression.")
    assert _stances(positions) == {("France", "ceasefire", "oppose")}


def test_stance_contrast_but_with_makes_it_conditional(positioner: EnglishPositioner) -> None:
    text = "Turkey backs security guarantees for Kyiv, but with firm guarantees for Russia as well."
    positions = {p.issue: p for p in _read(positioner, text)}
    ukraine = positions["guarantees-for-ukraine"]
    assert (ukraine.actor, ukraine.stance) == ("Turkey", "conditional")
    assert ukraine.condition == "but with firm guarantees for Russia as well"
    assert (ukraine.condition_issue, ukraine.condition_outcome) == ("guarantees-for-russia", "granted")
    assert positions["guarantees-for-russia"].stance == "support"


def test_stance_exclusion_opposes_the_excluded_thing(positioner: EnglishPositioner) -> None:
    text = ("Moscow wants the exclusion of Ukraine's membership in NATO "
            "and the refusal to station foreign troops there.")
    positions = _read(positioner, text)
    assert _stances(positions) == {
        ("Russia", "ukraine-nato-membership", "oppose"),
        ("Russia", "foreign-troops-in-ukraine", "oppose"),
    }
    assert positions[0].evidence == "wants the exclusion of Ukraine's membership in NATO"


def test_stance_ruling_out_a_deal_without_something_supports_it(positioner: EnglishPositioner) -> None:
    positions = _read(positioner, "Russia ruled out any settlement without security guarantees for Russia.")
    assert _stances(positions) == {("Russia", "guarantees-for-russia", "support")}


def test_stance_only_if_gives_a_condition_without_issue(positioner: EnglishPositioner) -> None:
    text = "Berlin will support security guarantees for Ukraine only if Washington takes part."
    positions = _read(positioner, text)
    assert _stances(positions) == {("Germany", "guarantees-for-ukraine", "conditional")}
    assert positions[0].condition == "only if Washington takes part"
    assert positions[0].condition_issue is None


def test_stance_provided_that_names_the_condition_issue(positioner: EnglishPositioner) -> None:
    text = "Paris is ready to deploy troops in Ukraine provided that a ceasefire holds."
    positions = {p.issue: p for p in _read(positioner, text)}
    troops = positions["foreign-troops-in-ukraine"]
    assert (troops.stance, troops.condition) == ("conditional", "provided that a ceasefire holds")
    assert (troops.condition_issue, troops.condition_outcome) == ("ceasefire", "granted")


def test_stance_restriction_makes_the_referred_issue_conditional(positioner: EnglishPositioner) -> None:
    text = ("Moscow acknowledges the right of Kyiv to seek security guarantees but insists that "
            "such guarantees must not compromise Russian security interests.")
    positions = {p.issue: p for p in _read(positioner, text)}
    assert positions["guarantees-for-ukraine"].stance == "conditional"
    assert positions["guarantees-for-ukraine"].condition_issue == "guarantees-for-russia"
    assert positions["guarantees-for-russia"].stance == "support"


def test_stance_red_line_and_threat_to_the_holder(positioner: EnglishPositioner) -> None:
    text = "Moscow says NATO membership for Ukraine is unacceptable because it is a threat to us."
    positions = _read(positioner, text)
    assert _stances(positions) == {("Russia", "ukraine-nato-membership", "oppose")}
    assert (positions[0].red_line, positions[0].threat, positions[0].security_claim) == (True, True, False)


def test_stance_threat_to_someone_else_is_not_a_threat_claim(positioner: EnglishPositioner) -> None:
    positions = _read(positioner, "The Kremlin says Ukraine's membership in NATO would be a threat to Europe.")
    assert _stances(positions) == {("Russia", "ukraine-nato-membership", "oppose")}
    assert positions[0].threat is False


def test_stance_security_claim_flag(positioner: EnglishPositioner) -> None:
    positions = _read(positioner, "Kyiv says NATO membership is the only real guarantee of security for Ukraine.")
    assert _stances(positions) == {("Ukraine", "ukraine-nato-membership", "support")}
    assert positions[0].security_claim is True


def test_stance_anaphor_takes_the_issue_of_the_clause_before(positioner: EnglishPositioner) -> None:
    text = "Moscow demands the withdrawal of Ukrainian forces from Donetsk, while Kyiv refuses to do so."
    positions = _read(positioner, text)
    assert _stances(positions) == {
        ("Russia", "territorial-concessions", "support"),
        ("Ukraine", "territorial-concessions", "oppose"),
    }
    assert positions[1].evidence == "refuses to do so"


def test_stance_possessive_demand_and_its_rejection(positioner: EnglishPositioner) -> None:
    positions = _read(positioner, "Washington turned down Kyiv's request for Tomahawk missiles.")
    assert _stances(positions) == {
        ("United States", "weapons-for-ukraine", "oppose"),
        ("Ukraine", "weapons-for-ukraine", "support"),
    }


def test_stance_passive_agent_holds_the_stance(positioner: EnglishPositioner) -> None:
    positions = _read(positioner, "Kyiv's demand for long-range missiles was rejected by Washington.")
    assert _stances(positions) == {
        ("Ukraine", "weapons-for-ukraine", "support"),
        ("United States", "weapons-for-ukraine", "oppose"),
    }


def test_stance_beneficiaries_tell_the_guarantee_issues_apart(positioner: EnglishPositioner) -> None:
    text = "Trump discussed the need to provide security guarantees to both Kyiv and Moscow."
    assert _stances(_read(positioner, text)) == {
        ("United States", "guarantees-for-ukraine", "support"),
        ("United States", "guarantees-for-russia", "support"),
    }


def test_stance_hedged_reporting_gives_no_position(positioner: EnglishPositioner) -> None:
    assert _read(positioner, "Russia may demand a ceasefire in the coming weeks, analysts said.") == []


def test_stance_denied_report_is_dropped(positioner: EnglishPositioner) -> None:
    text = ("A newspaper wrote that Germany is ready to send troops to Ukraine. "
            "Berlin denied the report on Friday.")
    assert _read(positioner, text) == []


def test_stance_statement_holder_is_the_speakers_actor(positioner: EnglishPositioner) -> None:
    text = "Peskov said that such guarantees for Kyiv would be a dangerous mistake."
    content = "such guarantees for Kyiv would be a dangerous mistake"
    start = text.index(content)
    statement = Statement(document_id="d1", speaker="Peskov", speaker_mention="Peskov", content=content,
                          start=start, end=start + len(content), kind="indirect", cue="said",
                          cue_start=text.index("said"), cue_end=text.index("said") + 4)
    statements, positions = EnglishPositioner(load_pack("ukraine-security")).positions(
        Document(id="d1", doc="d1.txt", origin="d1.txt", raw_text=text, text=text), [statement])
    assert statements[0].actor == "Russia"
    assert _stances(positions) == {("Russia", "guarantees-for-ukraine", "oppose")}
    assert (positions[0].statement_index, positions[0].speaker) == (0, "Peskov")
    assert positions[0].evidence == "guarantees for Kyiv would be a dangerous"


def test_stance_document_keeps_one_position_per_actor_and_issue(positioner: EnglishPositioner) -> None:
    text = ("Moscow is not against security guarantees for Ukraine, but only with guarantees for Russia. "
            "Lavrov later said Russia is not against security guarantees.")
    positions = [p for p in _read(positioner, text) if p.issue == "guarantees-for-ukraine"]
    assert [(p.actor, p.stance) for p in positions] == [("Russia", "conditional")]


def test_stance_inverse_term_turns_the_stance(positioner: EnglishPositioner) -> None:
    positions = _read(positioner, "Ukrainian officials said that neutrality is not an option for Ukraine.")
    assert _stances(positions) == {("Ukraine", "ukraine-nato-membership", "support")}


def test_stance_according_to_names_the_holder(positioner: EnglishPositioner) -> None:
    positions = _read(positioner, "According to the Kremlin, NATO enlargement remains the main obstacle to peace.")
    assert _stances(positions) == {("Russia", "nato-expansion", "oppose")}


def test_stance_coordinated_agents_share_the_stance(positioner: EnglishPositioner) -> None:
    text = "Britain and France have said they are willing to deploy troops to Ukraine after a peace deal."
    positions = _read(positioner, text)
    assert _stances(positions) == {
        ("United Kingdom", "foreign-troops-in-ukraine", "conditional"),
        ("France", "foreign-troops-in-ukraine", "conditional"),
    }
    assert positions[0].condition == "after a peace deal"


def test_stance_possessive_without_body_is_not_the_subject(positioner: EnglishPositioner) -> None:
    assert _read(positioner, "Ukraine's allies agreed on Thursday to keep supplying weapons to Kyiv.") == []


def test_stance_relative_clause_agent_rejects_the_mention(positioner: EnglishPositioner) -> None:
    text = "Kyiv again asked for a 30-day ceasefire, which Moscow turned down."
    assert _stances(_read(positioner, text)) == {
        ("Ukraine", "ceasefire", "support"),
        ("Russia", "ceasefire", "oppose"),
    }


def test_stance_refusal_in_exchange_for_something_does_not_support_it(positioner: EnglishPositioner) -> None:
    positions = _read(positioner, "Zelensky refused to withdraw troops from Donbas in exchange for a ceasefire.")
    assert _stances(positions) == {("Ukraine", "territorial-concessions", "oppose")}


def test_stance_statement_reporting_another_partys_act_gives_it_the_stance(positioner: EnglishPositioner) -> None:
    text = "European leaders said the United States has offered Kyiv security guarantees."
    content = "the United States has offered Kyiv security guarantees"
    start = text.index(content)
    statement = Statement(document_id="d1", speaker="European leaders", speaker_mention="European leaders",
                          content=content, start=start, end=start + len(content), kind="indirect", cue="said")
    positions = _read(positioner, text, [statement])
    assert _stances(positions) == {("United States", "guarantees-for-ukraine", "support")}


def _said(text: str, speaker: str, content: str) -> Statement:
    start = text.index(content)
    return Statement(document_id="d1", speaker=speaker, speaker_mention=speaker, content=content,
                     start=start, end=start + len(content), kind="indirect", cue="said",
                     cue_start=text.index(" said") + 1, cue_end=text.index(" said") + 5)


def test_stance_predicate_after_a_relative_aside_reads_the_issue(positioner: EnglishPositioner) -> None:
    content = ("security guarantees for Ukraine, which the coalition has debated for many months "
               "in several capitals with a long list of partners, are essential")
    text = f"Macron said {content}."
    positions = _read(positioner, text, [_said(text, "Macron", content)])
    assert _stances(positions) == {("France", "guarantees-for-ukraine", "support")}


def test_stance_aside_after_a_short_tail_still_counts_from_its_comma(positioner: EnglishPositioner) -> None:
    content = ("the deployment of Western troops in Ukraine, whatever shape it took and whoever "
               "commanded it on the ground, would be unacceptable")
    text = f"Lavrov said {content}."
    positions = _read(positioner, text, [_said(text, "Lavrov", content)])
    assert _stances(positions) == {("Russia", "foreign-troops-in-ukraine", "oppose")}


def test_stance_evaluative_only_way_supports(positioner: EnglishPositioner) -> None:
    content = "security guarantees for Ukraine are the only way to a lasting peace"
    text = f"Macron said {content}."
    positions = _read(positioner, text, [_said(text, "Macron", content)])
    assert _stances(positions) == {("France", "guarantees-for-ukraine", "support")}


def test_stance_adding_fuel_to_the_fire_opposes(positioner: EnglishPositioner) -> None:
    content = "sending more long-range weapons to Kyiv would only add fuel to the fire"
    text = f"Beijing said {content}."
    positions = _read(positioner, text, [_said(text, "Beijing", content)])
    assert _stances(positions) == {("China", "weapons-for-ukraine", "oppose")}


def test_stance_passive_agent_on_the_mention_does_not_stop_the_predicate(positioner: EnglishPositioner) -> None:
    content = "the legal guarantees drafted by Washington were remarkable"
    text = f"Merz said {content}."
    positions = _read(positioner, text, [_said(text, "Merz", content)])
    # The draft's author holds what it drafted, as the speaker holds the praise.
    assert _stances(positions) == {("Germany", "legally-binding-guarantees", "support"),
                                   ("United States", "legally-binding-guarantees", "support")}


def test_stance_refusing_to_withdraw_from_land_opposes_concessions(positioner: EnglishPositioner) -> None:
    content = "Ukraine would never pull its soldiers out of its own land"
    text = f"Zelensky said {content}."
    positions = _read(positioner, text, [_said(text, "Zelensky", content)])
    assert _stances(positions) == {("Ukraine", "territorial-concessions", "oppose")}


def test_stance_cue_verb_rejecting_territorial_terms_opposes(positioner: EnglishPositioner) -> None:
    positions = _read(positioner, "Kyiv rejected the draft's territorial provisions on Monday.")
    assert _stances(positions) == {("Ukraine", "territorial-concessions", "oppose")}


def test_stance_governing_takes_the_cue_right_before_a_noun_phrase() -> None:
    from redline.position.en.stance import Cue, governing

    text = "Paris rejected the offer."
    cues = [Cue("oppose", 6, 14, -1)]
    assert governing(text, cues, (15, 24), (5, 24), [], []) == Cue("oppose", 6, 14, -1)
    assert governing("Paris rejected, after long talks, the offer.", cues, (34, 43), (5, 43), [], []) is None


def test_stance_governing_after_naming_verb_takes_the_cue_after() -> None:
    from redline.position.en.stance import Cue, governing

    text = "Kyiv called the pledge a historic step."
    cue = Cue("support", 25, 38, 1)
    assert governing(text, [cue], (12, 22), (4, 38), [], [Cue("naming", 5, 11)]) == cue
    assert governing(text, [cue], (12, 22), (4, 38), [], []) is None


def test_stance_negated_feasibility_opposes(positioner: EnglishPositioner) -> None:
    assert _stances(_read(positioner, "Berlin does not find it realistic for Ukraine to join NATO.")) == {
        ("Germany", "ukraine-nato-membership", "oppose")}


def test_stance_without_a_partys_participation_is_a_condition(positioner: EnglishPositioner) -> None:
    positions = _read(positioner, "Kyiv says security guarantees without Washington's participation are worthless.")
    assert [(p.actor, p.issue, p.stance) for p in positions] == [("Ukraine", "guarantees-for-ukraine", "conditional")]
    assert positions[0].condition == "without Washington's participation are worthless"


def test_stance_neutral_status_concept_names_the_opposite_of_membership(positioner: EnglishPositioner) -> None:
    assert _stances(_read(positioner, "Moscow demands a non-aligned status for Ukraine.")) == {
        ("Russia", "ukraine-nato-membership", "oppose")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kyiv refused to give up its NATO bid.", ("Ukraine", "ukraine-nato-membership", "support")),
        ("Kyiv agreed to drop its NATO bid.", ("Ukraine", "ukraine-nato-membership", "oppose")),
        ("Ukraine would not give up its territory.", ("Ukraine", "territorial-concessions", "oppose")),
    ],
)
def test_stance_giving_something_up_and_double_negation(positioner: EnglishPositioner, text: str,
                                                         expected: tuple[str, str, str]) -> None:
    assert _stances(_read(positioner, text)) == {expected}


def test_stance_obligation_on_a_party_is_the_reporters_demand(positioner: EnglishPositioner) -> None:
    assert _stances(_read(positioner, "Kyiv must give up its NATO bid, Moscow said.")) == {
        ("Russia", "ukraine-nato-membership", "oppose")}


def test_stance_without_right_after_a_mention_states_its_condition(positioner: EnglishPositioner) -> None:
    positions = _read(positioner, "Kyiv says guarantees without Washington are worth nothing.")
    assert [(p.actor, p.issue, p.stance) for p in positions] == [("Ukraine", "guarantees-for-ukraine", "conditional")]


def test_stance_provided_as_a_verb_is_no_condition(positioner: EnglishPositioner) -> None:
    assert _stances(_read(positioner, "Berlin wants air defence systems to be provided by its partners.")) == {
        ("Germany", "weapons-for-ukraine", "support")}


def test_stance_not_contributing_to_an_outcome_opposes_the_means(positioner: EnglishPositioner) -> None:
    assert _stances(_read(positioner, "Moscow says arming Kyiv with more missiles does not contribute to peace.")) == {
        ("Russia", "weapons-for-ukraine", "oppose")}


def test_stance_threatening_to_do_it_favours_it(positioner: EnglishPositioner) -> None:
    positions = _read(positioner, "Berlin threatened to send more air-defence systems if the shelling went on.")
    assert {(p.actor, p.issue, p.stance) for p in positions if p.issue == "weapons-for-ukraine"} == {
        ("Germany", "weapons-for-ukraine", "conditional")}


@pytest.mark.parametrize("text", [
    "The Kremlin insists on the abandonment of Ukraine's bid to join NATO.",
    "Moscow demanded guarantees that would bar Ukraine's membership of NATO.",
])
def test_stance_demanding_that_a_thing_be_shut_out_opposes_it(positioner: EnglishPositioner, text: str) -> None:
    assert ("Russia", "ukraine-nato-membership", "oppose") in _stances(_read(positioner, text))


def test_stance_refusing_the_abandonment_of_a_bid_supports_it(positioner: EnglishPositioner) -> None:
    assert _stances(_read(positioner, "Kyiv refused the abandonment of its bid to join NATO.")) == {
        ("Ukraine", "ukraine-nato-membership", "support")}


def test_stance_as_soon_as_states_a_condition(positioner: EnglishPositioner) -> None:
    text = "Moscow is ready to halt hostilities as soon as Kyiv announces a pullout of its troops."
    positions = _read(positioner, text)
    assert [(p.actor, p.issue, p.stance, p.condition) for p in positions] == [
        ("Russia", "ceasefire", "conditional", "as soon as Kyiv announces a pullout of its troops"),
    ]


def test_stance_as_soon_as_possible_only_says_when(positioner: EnglishPositioner) -> None:
    text = "Ankara urged both sides to agree a truce as soon as possible."
    assert _stances(_read(positioner, text)) == {("Turkey", "ceasefire", "support")}


def test_stance_deal_framing_a_demand_is_conditional_on_it(positioner: EnglishPositioner) -> None:
    text = "Moscow wants the whole coast as part of any truce."
    positions = _read(positioner, text)
    assert [(p.actor, p.issue, p.stance, p.condition) for p in positions] == [
        ("Russia", "ceasefire", "conditional", "the whole coast"),
    ]


@pytest.mark.parametrize("text", [
    "Paris is ready to offer security guarantees to Ukraine as part of an eventual peace deal with Moscow.",
    "Paris would give Kyiv security guarantees as part of a final settlement.",
])
def test_stance_offer_as_part_of_a_settlement_is_conditional(positioner: EnglishPositioner, text: str) -> None:
    assert _stances(_read(positioner, text)) == {("France", "guarantees-for-ukraine", "conditional")}


@pytest.mark.parametrize("text", [
    "Paris offered security guarantees to Ukraine as part of the negotiations.",
    "Paris offered security guarantees to Ukraine as part of a package of aid.",
    "Paris is pressing for security guarantees to Ukraine as part of a deal.",
])
def test_stance_as_part_of_no_deferred_settlement_stays_support(positioner: EnglishPositioner, text: str) -> None:
    assert _stances(_read(positioner, text)) == {("France", "guarantees-for-ukraine", "support")}


def test_stance_issue_deal_as_frame_stays_conditional_on_the_demand(positioner: EnglishPositioner) -> None:
    text = "Moscow wants the whole coast as part of any ceasefire agreement."
    assert _stances(_read(positioner, text)) == {("Russia", "ceasefire", "conditional")}


def test_stance_not_seeking_a_substitute_for_a_thing_supports_it(positioner: EnglishPositioner) -> None:
    text = "Kyiv is not seeking a substitute for NATO membership."
    assert _stances(_read(positioner, text)) == {("Ukraine", "ukraine-nato-membership", "support")}


def test_stance_wanting_an_alternative_to_a_thing_opposes_it(positioner: EnglishPositioner) -> None:
    text = "Paris wants an alternative to sending troops to Ukraine."
    assert _stances(_read(positioner, text)) == {("France", "foreign-troops-in-ukraine", "oppose")}


def test_stance_cue_does_not_reach_into_a_coordinated_verb_phrase(positioner: EnglishPositioner) -> None:
    text = "Moscow would demand firm guarantees in any deal to reject the bid and to stay neutral."
    assert _stances(_read(positioner, text)) == {
        ("Russia", "guarantees-for-russia", "support"), ("Russia", "ukraine-nato-membership", "oppose"),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Refusing to let a thing go keeps it.
        ("Kyiv will not give up its bid to join NATO.", ("Ukraine", "ukraine-nato-membership", "support")),
        ("Kyiv won't abandon its bid to join NATO.", ("Ukraine", "ukraine-nato-membership", "support")),
        # Carrying on with a thing supports it.
        ("Berlin will keep sending air defence systems to Ukraine.", ("Germany", "weapons-for-ukraine", "support")),
        ("Paris said weapons deliveries to Ukraine would continue.", ("France", "weapons-for-ukraine", "support")),
        # A thing without which there is nothing is demanded, not met with openness.
        ("Kyiv says there will be no peace deal without security guarantees.",
         ("Ukraine", "guarantees-for-ukraine", "support")),
    ],
)
def test_stance_keeping_and_requiring_a_thing_support_it(positioner: EnglishPositioner, text: str,
                                                         expected: tuple[str, str, str]) -> None:
    assert expected in _stances(_read(positioner, text))


def test_stance_not_ruling_a_thing_out_stays_open(positioner: EnglishPositioner) -> None:
    text = "Paris did not rule out sending troops to Ukraine."
    assert _stances(_read(positioner, text)) == {("France", "foreign-troops-in-ukraine", "neutral")}


def test_stance_warning_a_party_it_could_face_a_thing_threatens_it(positioner: EnglishPositioner) -> None:
    content = "Moscow could face more weapons deliveries to Kyiv if it rejected the truce"
    text = f"Washington warned that {content}."
    statement = Statement(document_id="d1", speaker="Washington", speaker_mention="Washington",
                          content=content, start=text.index(content), end=text.index(content) + len(content),
                          kind="indirect", cue="warned", cue_start=text.index("warned"),
                          cue_end=text.index("warned") + 6)
    positions = _read(positioner, text, [statement])
    assert [(p.actor, p.stance) for p in positions if p.issue == "weapons-for-ukraine"] == [
        ("United States", "conditional")]


def test_stance_demand_that_a_party_drop_a_thing_is_the_demanders(positioner: EnglishPositioner) -> None:
    content = "Kyiv drop its bid to join NATO"
    text = f"Moscow demands that {content}."
    statement = Statement(document_id="d1", speaker="Moscow", speaker_mention="Moscow", content=content,
                          start=text.index(content), end=text.index(content) + len(content),
                          kind="indirect", cue="demands", cue_start=text.index("demands"),
                          cue_end=text.index("demands") + 7)
    assert _stances(_read(positioner, text, [statement])) == {("Russia", "ukraine-nato-membership", "oppose")}


def test_stance_setting_a_thing_off_supports_it(positioner: EnglishPositioner) -> None:
    text = "London triggered the deployment of British troops to Ukraine."
    assert _stances(_read(positioner, text)) == {("United Kingdom", "foreign-troops-in-ukraine", "support")}


def test_stance_parties_acting_one_after_the_other_both_hold_it(positioner: EnglishPositioner) -> None:
    text = "Britain and then France sent troops to Ukraine."
    assert _stances(_read(positioner, text)) == {
        ("United Kingdom", "foreign-troops-in-ukraine", "support"), ("France", "foreign-troops-in-ukraine", "support")}


def test_stance_refusing_a_thing_unless_a_term_is_met_is_conditional(positioner: EnglishPositioner) -> None:
    text = "Kyiv will not sign a ceasefire unless security guarantees are in place."
    positions = {p.issue: p for p in _read(positioner, text)}
    assert (positions["ceasefire"].stance, positions["ceasefire"].condition) == (
        "conditional", "unless security guarantees are in place")
    assert positions["guarantees-for-ukraine"].stance == "support"


def test_stance_refusing_a_thing_before_a_term_is_met_is_conditional(positioner: EnglishPositioner) -> None:
    # Invented: "no X before Y" holds X back until Y comes first, as "unless" would.
    text = "Kyiv said there would be no ceasefire before security guarantees are in place."
    positions = {p.issue: p for p in _read(positioner, text)}
    assert (positions["ceasefire"].stance, positions["ceasefire"].condition) == (
        "conditional", "before security guarantees are in place")
    text = "Moscow will not agree to a ceasefire prior to the lifting of sanctions."
    assert [(p.issue, p.stance) for p in _read(positioner, text)] == [("ceasefire", "conditional")]


def test_stance_before_that_only_dates_a_thing_sets_no_term(positioner: EnglishPositioner) -> None:
    # Invented: told as past, or not refused, "before" says when, not on what terms.
    assert _stances(_read(positioner, "Moscow rejected a ceasefire before the talks began.")) == {
        ("Russia", "ceasefire", "oppose")}
    assert _stances(_read(positioner, "Moscow wants a ceasefire before winter.")) == {
        ("Russia", "ceasefire", "support")}


def test_stance_refusing_a_thing_if_it_does_harm_stays_a_refusal(positioner: EnglishPositioner) -> None:
    text = "Moscow will not accept a ceasefire if it lets the other side rearm."
    assert _stances(_read(positioner, text)) == {("Russia", "ceasefire", "oppose")}


def test_stance_a_leading_if_clause_conditions_the_clause_after_it(positioner: EnglishPositioner) -> None:
    text = "If a full ceasefire is not feasible, Kyiv would accept an energy truce."
    assert [(p.actor, p.stance, p.condition) for p in _read(positioner, text)] == [
        ("Ukraine", "conditional", "If a full ceasefire is not feasible")]


def test_stance_an_if_clause_to_the_reader_sets_no_terms(positioner: EnglishPositioner) -> None:
    text = "If you ask the diplomats, Kyiv would accept an energy truce."
    assert _stances(_read(positioner, text)) == {("Ukraine", "ceasefire", "support")}


def test_stance_gerund_item_of_a_rejected_colon_list_takes_the_rejection(positioner: EnglishPositioner) -> None:
    text = "Kyiv rejected two points: transferring the region to Russia and abandoning NATO membership."
    assert _stances(_read(positioner, text)) == {("Ukraine", "territorial-concessions", "oppose"),
                                                 ("Ukraine", "ukraine-nato-membership", "support")}



def test_stance_a_demand_before_an_issue_can_begin_makes_it_conditional(positioner: EnglishPositioner) -> None:
    positions = _read(positioner, "Paris wants Kyiv to hold elections before a ceasefire can take effect.")
    assert _stances(positions) == {("France", "ceasefire", "conditional")}
    assert positions[0].condition == "Kyiv to hold elections"


def test_stance_an_issue_before_a_past_event_is_only_dated(positioner: EnglishPositioner) -> None:
    positions = _read(positioner, "Kyiv agreed to the plan before the ceasefire collapsed.")
    assert _stances(positions) == {("Ukraine", "ceasefire", "support")}


def test_stance_an_issue_taken_a_substitute_for_is_conditional(positioner: EnglishPositioner) -> None:
    positions = _read(positioner, "Kyiv is ready to accept security guarantees as a substitute for NATO membership.")
    assert _stances(positions) == {("Ukraine", "ukraine-nato-membership", "conditional")}
    assert positions[0].condition == "accept security guarantees"


def test_stance_a_party_opening_a_clause_after_and_holds_its_own_demand(positioner: EnglishPositioner) -> None:
    text = ("Hakan Fidan said Kyiv demands a ceasefire before talks begin and Moscow wants to start talks "
            "before a truce is announced.")
    start = text.index("Kyiv")
    statement = Statement(document_id="d1", speaker="Hakan Fidan", speaker_mention="Hakan Fidan",
                          content=text[start:-1], start=start, end=len(text) - 1, kind="indirect",
                          cue="said", cue_start=12, cue_end=16)
    assert _stances(_read(positioner, text, [statement])) == {
        ("Ukraine", "ceasefire", "support"), ("Russia", "ceasefire", "conditional")}


def test_stance_an_appositive_idea_with_a_reduced_relative_is_its_judges(positioner: EnglishPositioner) -> None:
    positions = _read(positioner, "Kyiv wants a ceasefire, an idea that Moscow has repeatedly opposed.")
    assert _stances(positions) == {("Ukraine", "ceasefire", "support"), ("Russia", "ceasefire", "oppose")}


def test_stance_removing_an_obstacle_to_an_issue_supports_it(positioner: EnglishPositioner) -> None:
    positions = _read(positioner, "Ankara pledged to remove every obstacle to a ceasefire.")
    assert _stances(positions) == {("Turkey", "ceasefire", "support")}


def test_stance_postponing_until_further_notice_opposes_without_a_condition(positioner: EnglishPositioner) -> None:
    positions = _read(positioner, "Moscow postponed the ceasefire until further notice.")
    assert _stances(positions) == {("Russia", "ceasefire", "oppose")}
    assert positions[0].condition is None


def test_stance_without_delay_is_no_condition(positioner: EnglishPositioner) -> None:
    positions = _read(positioner, "Kyiv wants a ceasefire without delay.")
    assert _stances(positions) == {("Ukraine", "ceasefire", "support")}


def test_stance_a_guarantee_that_a_party_be_prohibited_from_an_issue_opposes_it(
        positioner: EnglishPositioner) -> None:
    positions = _read(positioner, "Russia wants a guarantee that Ukraine will be prohibited from joining NATO.")
    assert _stances(positions) == {("Russia", "ukraine-nato-membership", "oppose")}


def test_stance_insisting_that_a_thing_be_done_supports_it(positioner: EnglishPositioner) -> None:
    positions = _read(positioner, "Brussels insists that a ceasefire be agreed first.")
    assert _stances(positions) == {("European Union", "ceasefire", "support")}


def test_stance_the_subject_of_a_clause_after_as_holds_what_it_says(positioner: EnglishPositioner) -> None:
    text = ("Moscow opposes foreign troops in Ukraine, as Britain and France have signalled "
            "being open to sending peacekeepers to Ukraine.")
    assert _stances(_read(positioner, text)) == {
        ("Russia", "foreign-troops-in-ukraine", "oppose"),
        ("United Kingdom", "foreign-troops-in-ukraine", "neutral"),
        ("France", "foreign-troops-in-ukraine", "neutral"),
    }


def test_stance_a_clause_subject_takes_no_cue_from_the_clause_before(positioner: EnglishPositioner) -> None:
    text = "Moscow wants a guarantee on NATO, as the White House works to broker a ceasefire."
    assert not any(actor == "United States" for actor, _, _ in _stances(_read(positioner, text)))


def test_stance_an_aside_naming_a_source_is_no_clause_of_its_own(positioner: EnglishPositioner) -> None:
    assert _stances(_read(positioner, "Kyiv wants a ceasefire, as Moscow said.")) == {("Ukraine", "ceasefire", "support")}


def test_stance_substituting_an_issue_with_a_thing_accepted_makes_it_conditional(
        positioner: EnglishPositioner) -> None:
    text = "Kyiv is ready to accept guarantees to deter attacks and substitute for its goal of joining NATO."
    stances = _stances(_read(positioner, text))
    assert ("Ukraine", "ukraine-nato-membership", "conditional") in stances


def test_stance_an_obligation_in_the_account_of_a_plan_is_its_authors(positioner: EnglishPositioner) -> None:
    text = ("The American plan was handed to Kyiv on Monday.\n"
            "Kyiv will have to renounce NATO membership and accept a ceasefire.")
    assert _stances(_read(positioner, text)) == {
        ("United States", "ukraine-nato-membership", "oppose"), ("United States", "ceasefire", "support")}


def test_stance_an_obligation_no_one_lays_is_no_position_of_the_obliged(positioner: EnglishPositioner) -> None:
    assert _stances(_read(positioner, "Kyiv will have to renounce NATO membership.")) == set()


def test_stance_blaming_someone_for_sabotaging_an_issue_supports_it(positioner: EnglishPositioner) -> None:
    positions = _read(positioner, "Moscow blamed a former official for sabotaging the ceasefire.")
    assert _stances(positions) == {("Russia", "ceasefire", "support")}


def test_stance_a_thing_a_condition_only_dates_is_not_asked_for(positioner: EnglishPositioner) -> None:
    positions = _read(positioner, "London would dispatch troops to Ukraine if a ceasefire is reached.")
    assert _stances(positions) == {("United Kingdom", "foreign-troops-in-ukraine", "conditional")}


def test_stance_a_thing_a_condition_asks_of_a_party_is_supported(positioner: EnglishPositioner) -> None:
    positions = _read(positioner, "London would send troops to Ukraine if Russia accepts a ceasefire.")
    assert ("United Kingdom", "ceasefire", "support") in _stances(positions)


def test_stance_european_brigades_on_the_ground_are_foreign_troops(positioner: EnglishPositioner) -> None:
    positions = _read(positioner, "Kyiv wants several European brigades on the ground.")
    assert _stances(positions) == {("Ukraine", "foreign-troops-in-ukraine", "support")}


def test_stance_a_response_threatened_if_a_thing_comes_about_opposes_it(positioner: EnglishPositioner) -> None:
    # Invented: what a party would do if a thing came about is its stance on the thing.
    assert _stances(_read(positioner, "Moscow warned of serious consequences if Kyiv joined NATO.")) == {
        ("Russia", "ukraine-nato-membership", "oppose")}
    for text in ("Moscow threatened retaliation if Western peacekeepers were sent to Ukraine.",
                 "If NATO troops are deployed in Ukraine, Moscow will respond."):
        assert _stances(_read(positioner, text)) == {("Russia", "foreign-troops-in-ukraine", "oppose")}, text


def test_stance_a_threatened_response_to_a_thing_opposes_it(positioner: EnglishPositioner) -> None:
    # Invented: the thing answered, or the one that would set off the answer, is opposed,
    # even where a support verb ("trigger") sets the answer off.
    assert _stances(_read(positioner, "Moscow would respond to any deployment of NATO forces in Ukraine.")) == {
        ("Russia", "foreign-troops-in-ukraine", "oppose")}
    assert _stances(_read(positioner, "Moscow says Ukraine's accession to NATO would trigger a harsh response.")) == {
        ("Russia", "ukraine-nato-membership", "oppose")}
    assert _stances(_read(positioner, "Moscow says sending European peacekeepers would mean war.")) == {
        ("Russia", "foreign-troops-in-ukraine", "oppose")}


def test_stance_a_hypothesis_turns_with_its_own_cue_and_with_unless(positioner: EnglishPositioner) -> None:
    # Invented: a cue on the thing inside the hypothesis turns it; "unless" asks for it.
    assert _stances(_read(positioner, "Moscow is ready to sign a deal if Kyiv gives up its bid to join NATO.")) == {
        ("Russia", "ukraine-nato-membership", "oppose")}
    assert _stances(_read(positioner, "Kyiv will reject any deal unless it gets security guarantees.")) >= {
        ("Ukraine", "guarantees-for-ukraine", "support")}


def test_stance_a_penalty_threatened_if_a_party_refuses_a_thing_favours_it(positioner: EnglishPositioner) -> None:
    # Invented: sanctions promised for not accepting a truce press for the truce; for sending troops, against them.
    assert _stances(_read(positioner, "Washington threatened to slap tariffs on Moscow if it does not accept a ceasefire.")) == {
        ("United States", "ceasefire", "support")}
    assert _stances(_read(positioner, "Moscow vowed to impose sanctions on any state if it sends peacekeepers to Ukraine.")) == {
        ("Russia", "foreign-troops-in-ukraine", "oppose")}


def test_stance_a_thing_held_back_by_another_demand_is_wanted_on_it(positioner: EnglishPositioner) -> None:
    # Invented: the truce waits on the withdrawal the holder demands first; a past tense only dates.
    found = _read(positioner, "Moscow says Ukrainian troops must leave the Donbas before any ceasefire can begin.")
    assert ("Russia", "ceasefire", "conditional") in _stances(found)
    assert ("Russia", "ceasefire", "support") not in _stances(
        _read(positioner, "Moscow says Ukrainian troops left the Donbas before a ceasefire was possible."))


def test_stance_a_party_s_ranked_demands_are_its_own_whoever_rejects_them(positioner: EnglishPositioner) -> None:
    # Invented: the owner of "key demands" backs what they list; the subject rejecting them opposes it.
    found = _stances(_read(positioner, "Moscow rejected Kyiv's key demands: a ceasefire and security guarantees."))
    assert {("Ukraine", "ceasefire", "support"), ("Ukraine", "guarantees-for-ukraine", "support"),
            ("Russia", "ceasefire", "oppose")} <= found


def test_stance_a_rejection_reaches_the_thing_coordinated_with_its_object(positioner: EnglishPositioner) -> None:
    # Invented: a verb of judgement governs both objects; an operator like "renounce" only the first.
    assert _stances(_read(positioner, "Moscow rejected a ceasefire and the deployment of foreign troops.")) == {
        ("Russia", "ceasefire", "oppose"), ("Russia", "foreign-troops-in-ukraine", "oppose")}


def test_stance_calling_on_a_party_extending_and_promoting_a_thing_back_it(positioner: EnglishPositioner) -> None:
    # Invented: asking another to do a thing, prolonging it and furthering it are for it;
    # "extended an invitation" names no stance.
    assert _stances(_read(positioner, "Paris called on Moscow to accept a ceasefire.")) == {("France", "ceasefire", "support")}
    assert _stances(_read(positioner, "Paris called on Kyiv to reject the ceasefire.")) == {("France", "ceasefire", "oppose")}
    assert _stances(_read(positioner, "Brussels extended the ceasefire monitoring mission.")) >= {
        ("European Union", "ceasefire", "support")}
    assert _read(positioner, "Macron extended an invitation to the ceasefire talks.") == []


def test_stance_a_hypothesis_opening_a_reported_clause_is_that_clause_s_own(positioner: EnglishPositioner) -> None:
    # Invented: in "warned that if A, B would follow" the hypothesis conditions B; the
    # warning is not said against what A names.
    text = "Moscow warned that if the ceasefire collapsed, foreign troops would be sent."
    assert ("Russia", "ceasefire", "oppose") not in _stances(_read(positioner, text))
    # "In response to" only says what a move answers.
    text = "In response to the proposal on security guarantees, Moscow said talks go on."
    assert all(p.stance != "oppose" for p in _read(positioner, text))


def test_stance_agreeing_that_a_thing_harms_opposes_it(positioner: EnglishPositioner) -> None:
    # Invented: "agreed that S" shares the view S states; "agreed to X" backs X.
    assert _stances(_read(positioner, "Moscow and Minsk agreed that a ceasefire would only prolong the war.")) == {
        ("Russia", "ceasefire", "oppose")}
    assert _stances(_read(positioner, "Kyiv agreed to a ceasefire.")) == {("Ukraine", "ceasefire", "support")}
