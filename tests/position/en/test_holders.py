"""Holders in an article's own reporting: descriptions, group pronouns, everyday stance verbs."""

from __future__ import annotations

import pytest

from redline.models import Document, Statement
from redline.position import load_pack
from redline.position.en.positioner import EnglishPositioner


@pytest.fixture(scope="module")
def positioner() -> EnglishPositioner:
    return EnglishPositioner(load_pack("ukraine-security"))


def _stances(positioner: EnglishPositioner, text: str) -> set[tuple[str, str, str]]:
    document = Document(id="d1", doc="d1.txt", origin="d1.txt", raw_text=text, text=text)
    return {(p.actor, p.issue, p.stance) for p in positioner.positions(document, [])[1]}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Moscow balks at any deployment of foreign troops in Ukraine.",
         ("Russia", "foreign-troops-in-ukraine", "oppose")),
        ("Kyiv is pressing for more Patriot batteries.", ("Ukraine", "weapons-for-ukraine", "support")),
        ("Washington is reluctant to extend Article 5-style protection.",
         ("United States", "guarantees-for-ukraine", "oppose")),
        ("Berlin has lobbied for a multinational force on the Dnipro.",
         ("Germany", "foreign-troops-in-ukraine", "support")),
        ("Paris is weighing a truce over the holidays.", ("France", "ceasefire", "neutral")),
        # Working to bring a thing about backs it.
        ("France is working towards a truce.", ("France", "ceasefire", "support")),
        ("Paris is putting together a peacekeeping mission for Ukraine.", ("France", "foreign-troops-in-ukraine", "support")),
        ("Britain is working on a plan to undermine the truce.", ("United Kingdom", "ceasefire", "oppose")),
        # Asking about a thing, or naming it a topic, takes no side yet.
        ("Paris has raised questions about the truce proposal.", ("France", "ceasefire", "neutral")),
        ("A truce is one of the most important topics in the talks, Paris said.", ("France", "ceasefire", "neutral")),
        ("London is sceptical of any land swap.", ("United Kingdom", "territorial-concessions", "oppose")),
        ("Ankara praised the moratorium on energy strikes.", ("Turkey", "ceasefire", "support")),
        # Leading, brokering or sponsoring a proposal backs it.
        ("A truce proposal led by Turkey was tabled.", ("Turkey", "ceasefire", "support")),
        ("The truce brokered by Turkey held for a week.", ("Turkey", "ceasefire", "support")),
    ],
)
def test_holders_everyday_stance_verbs(positioner: EnglishPositioner, text: str,
                                       expected: tuple[str, str, str]) -> None:
    assert _stances(positioner, text) == {expected}


def test_holders_a_delegation_led_by_someone_backs_nothing(positioner: EnglishPositioner) -> None:
    text = "The delegation, led by a French aide, handed over a memorandum on a truce."
    assert _stances(positioner, text) == set()


def test_holders_would_consider_with_a_proviso_is_conditional(positioner: EnglishPositioner) -> None:
    text = "Beijing would consider joining a peacekeeping mission so long as Moscow agrees."
    document = Document(id="d1", doc="d1.txt", origin="d1.txt", raw_text=text, text=text)
    positions = positioner.positions(document, [])[1]
    assert [(p.actor, p.issue, p.stance, p.condition) for p in positions] == [
        ("China", "foreign-troops-in-ukraine", "conditional", "so long as Moscow agrees"),
    ]


def test_holders_description_refers_to_the_actor_named_last(positioner: EnglishPositioner) -> None:
    text = "NATO ministers met on Tuesday. The alliance backs a reassurance force for Ukraine."
    assert _stances(positioner, text) == {("NATO", "foreign-troops-in-ukraine", "support")}


def test_holders_shared_description_without_antecedent_goes_to_first_actor(positioner: EnglishPositioner) -> None:
    assert _stances(positioner, "The bloc backs a truce.") == {("European Union", "ceasefire", "support")}


def test_holders_group_pronoun_subject_takes_last_party(positioner: EnglishPositioner) -> None:
    text = "Russia answered the letter on Monday. It also opposes any peacekeeping force."
    assert _stances(positioner, text) == {("Russia", "foreign-troops-in-ukraine", "oppose")}


def test_holders_group_pronoun_with_copula_is_not_a_party(positioner: EnglishPositioner) -> None:
    text = "Russia answered the letter on Monday. It is unclear whether a truce is acceptable."
    assert _stances(positioner, text) == set()


def test_holders_inverse_term_territorial_integrity_opposes_concessions(positioner: EnglishPositioner) -> None:
    text = "Kyiv insists on its territorial integrity within the 1991 borders."
    assert _stances(positioner, text) == {("Ukraine", "territorial-concessions", "oppose")}


def test_holders_euro_atlantic_integration_is_nato_membership(positioner: EnglishPositioner) -> None:
    text = "Kyiv reaffirmed its commitment to Euro-Atlantic integration."
    assert _stances(positioner, text) == {("Ukraine", "ukraine-nato-membership", "support")}


def test_holders_object_of_a_verb_holds_no_stance(positioner: EnglishPositioner) -> None:
    text = "Paris warned against forcing Kyiv to give up land."
    assert _stances(positioner, text) == {("France", "territorial-concessions", "oppose")}


def test_holders_opposing_an_exclusion_supports_the_thing(positioner: EnglishPositioner) -> None:
    text = "Kyiv is reluctant to accept a ban on joining NATO."
    assert _stances(positioner, text) == {("Ukraine", "ukraine-nato-membership", "support")}


def test_holders_could_live_with_is_neutral(positioner: EnglishPositioner) -> None:
    text = "Washington can live with a reassurance force."
    assert _stances(positioner, text) == {("United States", "foreign-troops-in-ukraine", "neutral")}



def test_holders_document_speaks_for_its_author(positioner: EnglishPositioner) -> None:
    text = ("The plan, drafted by Washington, was sent to Kyiv on Friday. "
            "The draft would have Ukraine withdraw from the Donetsk region.")
    document = Document(id="d1", doc="d1.txt", origin="d1.txt", raw_text=text, text=text)
    positions = positioner.positions(document, [])[1]
    assert [(p.actor, p.issue, p.stance, p.evidence) for p in positions] == [
        ("United States", "territorial-concessions", "support",
         "would have Ukraine withdraw from the Donetsk region"),
    ]


def test_holders_document_with_adjective_author(positioner: EnglishPositioner) -> None:
    text = "The American draft would have Ukraine renounce NATO membership."
    assert _stances(positioner, text) == {("United States", "ukraine-nato-membership", "oppose")}


def test_holders_document_without_author_holds_nothing(positioner: EnglishPositioner) -> None:
    text = "The draft would have Ukraine withdraw from the Donetsk region."
    assert _stances(positioner, text) == set()


def _said(positioner: EnglishPositioner, text: str, speaker: str, content: str,
          cue: str = "said") -> set[tuple[str, str, str]]:
    start = text.index(content)
    at = text.index(f" {cue}") + 1
    statement = Statement(document_id="d1", speaker=speaker, speaker_mention=speaker, content=content,
                          start=start, end=start + len(content), kind="indirect", cue=cue,
                          cue_start=at, cue_end=at + len(cue))
    document = Document(id="d1", doc="d1.txt", origin="d1.txt", raw_text=text, text=text)
    return {(p.actor, p.issue, p.stance) for p in positioner.positions(document, [statement])[1]}


def test_holders_title_chain_is_one_person_and_conjuncts_share_the_stance(positioner: EnglishPositioner) -> None:
    text = "British Prime Minister Keir Starmer and French President Emmanuel Macron backed a reassurance force."
    assert _stances(positioner, text) == {("United Kingdom", "foreign-troops-in-ukraine", "support"),
                                          ("France", "foreign-troops-in-ukraine", "support")}


def test_holders_conjunct_of_a_prepositional_object_holds_nothing(positioner: EnglishPositioner) -> None:
    text = "After talks between Moscow and Kyiv, a ceasefire was welcomed."
    assert _stances(positioner, text) == set()


def test_holders_coordinated_parties_inside_a_statement_hold_their_own_act(positioner: EnglishPositioner) -> None:
    text = "Zelensky said Britain and France had already committed to a reassurance force."
    assert _said(positioner, text, "Zelensky", "Britain and France had already committed to a reassurance force") == {
        ("United Kingdom", "foreign-troops-in-ukraine", "support"),
        ("France", "foreign-troops-in-ukraine", "support")}


def test_holders_party_after_a_colon_in_a_statement_holds_its_demand(positioner: EnglishPositioner) -> None:
    text = "Erdogan said the two sides differ: Kyiv demands a truce first."
    assert _said(positioner, text, "Erdogan", "the two sides differ: Kyiv demands a truce first") == {
        ("Ukraine", "ceasefire", "support")}


def test_holders_obligation_on_a_party_stays_the_speakers(positioner: EnglishPositioner) -> None:
    text = "Lavrov said the answer is plain: Kyiv must accept a truce."
    assert _said(positioner, text, "Lavrov", "the answer is plain: Kyiv must accept a truce") == {
        ("Russia", "ceasefire", "support")}


def test_holders_authors_after_the_thing_authored_support_it(positioner: EnglishPositioner) -> None:
    text = "Paris praised the truce proposals put forward by Kyiv and the United States."
    assert _stances(positioner, text) == {("France", "ceasefire", "support"), ("Ukraine", "ceasefire", "support"),
                                          ("United States", "ceasefire", "support")}


def test_holders_possessive_owns_a_cue_noun_after_an_adjective(positioner: EnglishPositioner) -> None:
    assert _stances(positioner, "Moscow's disregard for the truce plan angered many.") == {
        ("Russia", "ceasefire", "oppose")}


def test_holders_speaker_joined_to_another_party_both_hold(positioner: EnglishPositioner) -> None:
    text = "Macron said he and Scholz had agreed on a reassurance force."
    statements = _said(positioner, text, "Macron", "he and Scholz had agreed on a reassurance force")
    assert statements == {("France", "foreign-troops-in-ukraine", "support"),
                          ("Germany", "foreign-troops-in-ukraine", "support")}


def test_holders_pronoun_opening_a_statement_is_its_speaker(positioner: EnglishPositioner) -> None:
    text = ("Zelensky met Merz in Berlin. Biden later said he did not think it realistic for Ukraine to "
            "join NATO.")
    content = "he did not think it realistic for Ukraine to join NATO"
    assert _said(positioner, text, "Biden", content) == {("United States", "ukraine-nato-membership", "oppose")}


def test_holders_authors_named_inside_a_statement_hold_their_proposal(positioner: EnglishPositioner) -> None:
    text = "Merz said the truce proposals put forward by Kyiv were a good start."
    assert _said(positioner, text, "Merz", "the truce proposals put forward by Kyiv were a good start") == {
        ("Germany", "ceasefire", "support"), ("Ukraine", "ceasefire", "support")}


def test_holders_party_in_a_leading_subordinate_clause_is_not_the_subject(positioner: EnglishPositioner) -> None:
    text = "As talks on postwar Ukraine went on, Paris signed a pledge to send a reassurance force."
    assert _stances(positioner, text) == {("France", "foreign-troops-in-ukraine", "support")}


def test_holders_party_after_a_warning_verb_is_the_subject_of_its_own_clause(
        positioner: EnglishPositioner) -> None:
    text = "The Turkish minister warns Moscow wants the whole coast as part of a truce."
    assert _stances(positioner, text) == {("Russia", "ceasefire", "conditional")}


def test_holders_party_whose_support_is_sought_holds_no_stance(positioner: EnglishPositioner) -> None:
    text = "Washington is trying to win Moscow's support for a truce."
    assert _stances(positioner, text) == {("United States", "ceasefire", "support")}


def test_holders_pronoun_is_the_main_subject_before_one_named_later(positioner: EnglishPositioner) -> None:
    text = ("In Kyiv, President Zelensky said Mr Putin wants a truce. "
            "He then stressed that Kyiv rejects any foreign troops.")
    assert _stances(positioner, text) == {
        ("Russia", "ceasefire", "support"), ("Ukraine", "foreign-troops-in-ukraine", "oppose"),
    }


def test_holders_possessive_after_a_preposition_in_a_new_clause_holds(positioner: EnglishPositioner) -> None:
    text = "Washington wants a quick settlement, and one of Kyiv's priorities is security guarantees."
    assert _stances(positioner, text) == {("Ukraine", "guarantees-for-ukraine", "support")}


def test_holders_partners_named_with_the_speaker_share_the_statement(positioner: EnglishPositioner) -> None:
    text = "Britain and France have said they are willing to send peacekeepers to Ukraine."
    start = text.index("they")
    statement = Statement(document_id="d1", speaker="Britain", speaker_mention="Britain",
                          content=text[start:-1], start=start, end=len(text) - 1, kind="indirect",
                          cue="have said", cue_start=text.index("have said"))
    document = Document(id="d1", doc="d1.txt", origin="d1.txt", raw_text=text, text=text)
    found = {(p.actor, p.issue, p.stance) for p in positioner.positions(document, [statement])[1]}
    assert found == {("United Kingdom", "foreign-troops-in-ukraine", "support"),
                     ("France", "foreign-troops-in-ukraine", "support")}


def test_holders_impersonal_it_is_no_party(positioner: EnglishPositioner) -> None:
    text = "Paris backs the plan. It doesn't matter what foreign troops are deployed in Ukraine."
    assert _stances(positioner, text) == set()


def test_holders_pronoun_is_the_main_subject_across_statement_units(positioner: EnglishPositioner) -> None:
    text = "In Kyiv, President Zelensky said Mr Putin wants a truce. He then rejected any foreign troops."
    start = text.index("Mr Putin")
    end = text.index(" He") - 1
    statement = Statement(document_id="d1", speaker="Volodymyr Zelensky", speaker_mention="Zelensky",
                          content=text[start:end], start=start, end=end, kind="indirect",
                          cue="said", cue_start=text.index("said"))
    document = Document(id="d1", doc="d1.txt", origin="d1.txt", raw_text=text, text=text)
    found = {(p.actor, p.issue, p.stance) for p in positioner.positions(document, [statement])[1]}
    assert found == {("Russia", "ceasefire", "support"), ("Ukraine", "foreign-troops-in-ukraine", "oppose")}


@pytest.mark.parametrize(
    ("text", "condition"),
    [
        # An inverted condition after a comma, and a settlement still to come.
        ("Britain would deploy peacekeepers to Ukraine, should a truce be signed first.", "should a truce be signed first"),
        ("Britain would deploy peacekeepers to Ukraine after any future peace deal with Russia.",
         "after any future peace deal with Russia"),
    ],
)
def test_holders_inverted_and_deferred_conditions(positioner: EnglishPositioner, text: str, condition: str) -> None:
    document = Document(id="d1", doc="d1.txt", origin="d1.txt", raw_text=text, text=text)
    positions = positioner.positions(document, [])[1]
    assert ("United Kingdom", "foreign-troops-in-ukraine", "conditional", condition) in {
        (p.actor, p.issue, p.stance, p.condition) for p in positions}


def test_holders_should_after_its_subject_is_no_condition(positioner: EnglishPositioner) -> None:
    assert _stances(positioner, "London said Kyiv should accept a truce.") == {
        ("United Kingdom", "ceasefire", "support")}


def test_holders_a_subject_relative_clause_is_its_partys_own(positioner: EnglishPositioner) -> None:
    # The party is the verb's object, but the relative clause after it is its own.
    text = "Kyiv accused Russia, which has rejected calls for a truce, of stalling."
    assert _stances(positioner, text) == {("Russia", "ceasefire", "oppose")}


def test_holders_a_relative_clause_that_ends_leaves_the_main_subject(positioner: EnglishPositioner) -> None:
    text = "Britain, which phoned Russia on Monday, welcomed the ceasefire."
    assert _stances(positioner, text) == {("United Kingdom", "ceasefire", "support")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Britain would lead a multinational force that would patrol the skies.",
         {("United Kingdom", "foreign-troops-in-ukraine", "support")}),
        ("The United States would lead a mechanism to monitor any ceasefire.",
         {("United States", "ceasefire", "support")}),
        ("France would command a mission that would monitor the truce.", {("France", "ceasefire", "support")}),
        ("Turkey will take command of the peacekeeping force.", {("Turkey", "foreign-troops-in-ukraine", "support")}),
        ("Germany would head a reassurance force.", {("Germany", "foreign-troops-in-ukraine", "support")}),
        # The verb only leads with a body after it: a head of a mission is a person.
        ("The head of the French mission said the truce was fragile.", set()),
        # What the led effort does still decides.
        ("Germany led an effort to block the truce.", {("Germany", "ceasefire", "oppose")}),
    ],
)
def test_holders_leading_the_body_that_does_a_thing_backs_it(positioner: EnglishPositioner, text: str,
                                                             expected: set[tuple[str, str, str]]) -> None:
    assert _stances(positioner, text) == expected


def test_holders_a_plan_presented_earlier_is_its_presenters(positioner: EnglishPositioner) -> None:
    text = ("Washington's envoy unveiled a ten-point plan on Monday. "
            "The plan calls for Kyiv to pull out of the Donbas.")
    assert _stances(positioner, text) == {("United States", "territorial-concessions", "support")}


def test_holders_refusing_to_cede_a_partitive_of_territory_opposes(positioner: EnglishPositioner) -> None:
    text = "Kyiv will not cede any of its internationally recognised land."
    assert _stances(positioner, text) == {("Ukraine", "territorial-concessions", "oppose")}


def test_holders_a_participle_naming_which_territory_is_no_recognition(positioner: EnglishPositioner) -> None:
    assert _stances(positioner, "Kyiv wants to keep its internationally recognised territory.") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Ending or stopping a thing shuts it out; ending the war is no stance on a truce.
        ("Washington vowed to end the deployment of foreign troops in Ukraine.",
         ("United States", "foreign-troops-in-ukraine", "oppose")),
        ("Kyiv ended the truce on Monday.", ("Ukraine", "ceasefire", "oppose")),
        # A commitment worded as a clause backs what it commits to.
        ("Kyiv pledged that the ceasefire would hold.", ("Ukraine", "ceasefire", "support")),
    ],
)
def test_holders_ending_and_pledging(positioner: EnglishPositioner, text: str, expected: tuple[str, str, str]) -> None:
    assert _stances(positioner, text) == {expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A named author's document holds what it includes or lays out.
        ("Erdogan's five-point plan includes a truce along the front.", {("Turkey", "ceasefire", "support")}),
        ("The US plan lays out a phased withdrawal from the Donbas.",
         {("United States", "territorial-concessions", "support")}),
        # A meeting is no document: what it included is nobody's stance.
        ("The talks included a ceasefire.", set()),
    ],
)
def test_holders_a_documents_contents_are_its_authors(positioner: EnglishPositioner, text: str,
                                                       expected: set[tuple[str, str, str]]) -> None:
    assert _stances(positioner, text) == expected


def test_holders_a_proposal_presented_earlier_is_its_presenters(positioner: EnglishPositioner) -> None:
    text = "Ankara put forward a proposal on Monday. The proposal calls for a truce along the front."
    assert _stances(positioner, text) == {("Turkey", "ceasefire", "support")}


def test_holders_a_documents_relative_clause_inside_a_statement_is_its_authors(positioner: EnglishPositioner) -> None:
    text = "Talks will go on over the Turkish plan, which calls for a truce along the front, Zelensky said."
    stances = _said(positioner, text, "Zelensky", text[:text.index(", Zelensky")])
    assert stances == {("Turkey", "ceasefire", "support")}


def test_holders_an_authoring_participle_is_its_agents_act_not_the_speakers(positioner: EnglishPositioner) -> None:
    text = "Peskov said a truce put forward by Kyiv and Washington would only prolong the war."
    stances = _said(positioner, text, "Peskov", text[text.index("a truce"):-1])
    assert stances == {("Russia", "ceasefire", "oppose"), ("Ukraine", "ceasefire", "support"),
                       ("United States", "ceasefire", "support")}


def test_holders_a_relative_verdict_counts_beside_another_partys_offer(positioner: EnglishPositioner) -> None:
    text = "Erdogan welcomed a US proposal for a two-week truce, which Kyiv has accepted."
    stances = _said(positioner, text, "Erdogan", text[text.index("a US"):-1], cue="welcomed")
    assert ("Ukraine", "ceasefire", "support") in stances


def test_holders_a_possessive_demand_in_a_statement_is_its_owner_s_but_a_refusal_is_not(positioner: EnglishPositioner) -> None:
    # Invented: Kyiv's demand is Kyiv's whoever reports its rejection; Kyiv's refusal in
    # Lavrov's words is what Lavrov asks of Kyiv.
    text = "Sergey Lavrov said Moscow rejected Kyiv's main demand for a ceasefire."
    assert ("Ukraine", "ceasefire", "support") in _said(positioner, text, "Sergey Lavrov", "Moscow rejected Kyiv's main demand for a ceasefire")
    text = "Sergey Lavrov said Kyiv's refusal to join NATO is a condition for peace."
    content = "Kyiv's refusal to join NATO is a condition for peace"
    assert ("Ukraine", "ukraine-nato-membership", "oppose") not in _said(positioner, text, "Sergey Lavrov", content)


def test_holders_a_pair_of_parties_spoken_of_together_both_hold(positioner: EnglishPositioner) -> None:
    # Invented: "the two sides" are the parties last named together, not the host city named after them.
    text = "Russia and Ukraine held talks in Washington on Friday. The two sides agreed to a ceasefire."
    assert _stances(positioner, text) == {("Russia", "ceasefire", "support"), ("Ukraine", "ceasefire", "support")}


def test_holders_adjectives_coordinated_before_a_party_noun_each_hold(positioner: EnglishPositioner) -> None:
    # Invented: each adjective of "the British, German and French leaders" names a party.
    text = "The British, German and French leaders backed a reassurance force."
    assert _stances(positioner, text) == {("United Kingdom", "foreign-troops-in-ukraine", "support"),
                                          ("Germany", "foreign-troops-in-ukraine", "support"),
                                          ("France", "foreign-troops-in-ukraine", "support")}


def test_holders_passive_agent_holds_not_the_subject_it_acts_on(positioner: EnglishPositioner) -> None:
    # Invented: the "by" phrase names who acts; the passive subject only undergoes it.
    assert _stances(positioner, "Ukraine was barred by Turkey from joining NATO.") == {
        ("Turkey", "ukraine-nato-membership", "oppose")}
    assert _stances(positioner, "Ukraine would be kept by a Turkish veto from joining NATO.") == {
        ("Turkey", "ukraine-nato-membership", "oppose")}


def test_holders_passive_cue_after_its_subject_reads_the_subject(positioner: EnglishPositioner) -> None:
    # Invented: the statement's content is the passive subject, its cue the verb after it.
    text = "A holiday truce was first floated by Ankara in May."
    assert _said(positioner, text, "Ankara", "A holiday truce", cue="floated") == {
        ("Turkey", "ceasefire", "support")}
    text = "The truce, drafted in Paris, was rejected by Moscow."
    assert _said(positioner, text, "Moscow", "The truce, drafted in Paris", cue="rejected") == {
        ("Russia", "ceasefire", "oppose")}


def test_holders_a_stopped_act_does_not_reach_the_conjunct_after_it(positioner: EnglishPositioner) -> None:
    # Invented: "stop" governs the stalling, not the offer joined to it.
    text = "Kyiv urged Berlin to stop stalling and send more air defence systems."
    assert _stances(positioner, text) == {("Ukraine", "weapons-for-ukraine", "support")}
    text = "Kyiv asked NATO to stop hesitating and offer a written commitment."
    assert ("Ukraine", "legally-binding-guarantees", "oppose") not in _stances(positioner, text)


@pytest.mark.parametrize(("text", "expected"), [
    # Invented: a party that leads a group holds the group's stance, each of a slashed pair too.
    ("A French-led coalition would provide a reassurance force.", {("France", "foreign-troops-in-ukraine", "support")}),
    ("A UK/French-led coalition would provide a reassurance force.", {
        ("United Kingdom", "foreign-troops-in-ukraine", "support"), ("France", "foreign-troops-in-ukraine", "support")}),
])
def test_holders_leader_of_a_group_holds_its_stance(positioner: EnglishPositioner, text: str,
                                                    expected: set[tuple[str, str, str]]) -> None:
    assert _stances(positioner, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Invented: a party plainly promising the issue's act holds it; a guess does not.
    ("Britain will send troops to Ukraine.", {("United Kingdom", "foreign-troops-in-ukraine", "support")}),
    ("Britain would deploy a reassurance force.", {("United Kingdom", "foreign-troops-in-ukraine", "support")}),
    ("Britain may send troops to Ukraine.", set()),
    ("Britain will not send troops to Ukraine.", {("United Kingdom", "foreign-troops-in-ukraine", "oppose")}),
])
def test_holders_a_promised_act_is_held(positioner: EnglishPositioner, text: str,
                                        expected: set[tuple[str, str, str]]) -> None:
    assert _stances(positioner, text) == expected


def test_holders_joined_parties_opening_a_second_reported_clause_hold_it(positioner: EnglishPositioner) -> None:
    # Invented: "and that A and B …" opens a clause of its own inside the statement.
    text = "Rutte said that the talks had gone well and that Britain and France were ready to deploy troops."
    assert _said(positioner, text, "Rutte", text[len("Rutte said that "):-1]) == {
        ("United Kingdom", "foreign-troops-in-ukraine", "support"), ("France", "foreign-troops-in-ukraine", "support")}


def test_holders_hyphenated_names_before_a_document_are_its_authors(positioner: EnglishPositioner) -> None:
    # Invented: every party of "the US-Turkey plan" wrote it.
    assert _stances(positioner, "The US-Turkey plan envisages a ceasefire.") == {
        ("United States", "ceasefire", "support"), ("Turkey", "ceasefire", "support")}


def test_holders_a_participle_joined_to_a_name_is_that_partys_backing() -> None:
    # Invented: "the Ostrel-backed mission" is Ostrel's; in Varnia's words it is not Varnia's.
    positioner = EnglishPositioner(load_pack("sarn-river"))
    told = "The Ostrel-backed monitoring mission began work on Monday."
    assert ("Ostrel", "monitoring-mission", "support") in _stances(positioner, told)
    quoted = "Varnia pointed to the Ostrel-brokered monitoring mission on Monday."
    assert not any(actor == "Varnia" for actor, _, _ in _stances(positioner, quoted))
