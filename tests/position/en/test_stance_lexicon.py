"""Entries of the shared English stance lexicon that packs a new user writes rely on."""

from __future__ import annotations

from pathlib import Path

import pytest

from redline.models import Document, Position, Statement
from redline.position import load_pack
from redline.position.en.positioner import EnglishPositioner


@pytest.fixture(scope="module")
def positioner() -> EnglishPositioner:
    return EnglishPositioner(load_pack("ukraine-security"))


def _stances(positioner: EnglishPositioner, text: str) -> set[tuple[str, str, str]]:
    document = Document(id="d1", doc="d1.txt", origin="d1.txt", raw_text=text, text=text)
    positions: list[Position] = positioner.positions(document, [])[1]
    return {(p.actor, p.issue, p.stance) for p in positions}


@pytest.mark.parametrize("text", [
    "Paris urged both sides to implement the ceasefire without delay.",
    "Berlin backs a ceasefire without hesitation.",
    "Paris wants a ceasefire without preconditions.",
])
def test_stance_lexicon_without_of_manner_is_no_condition(positioner: EnglishPositioner, text: str) -> None:
    assert {stance for _, _, stance in _stances(positioner, text)} == {"support"}


def test_stance_lexicon_without_a_party_stays_a_condition(positioner: EnglishPositioner) -> None:
    text = "Paris backs a ceasefire without Moscow's participation."
    assert _stances(positioner, text) == {("France", "ceasefire", "conditional")}


@pytest.mark.parametrize("text", [
    "Moscow postponed the ceasefire until further notice.",
    "Moscow suspended the ceasefire.",
])
def test_stance_lexicon_putting_a_thing_off_opposes_it(positioner: EnglishPositioner, text: str) -> None:
    assert _stances(positioner, text) == {("Russia", "ceasefire", "oppose")}


def test_stance_lexicon_refusing_to_put_a_thing_off_supports_it(positioner: EnglishPositioner) -> None:
    assert _stances(positioner, "Kyiv refused to postpone the ceasefire.") == {("Ukraine", "ceasefire", "support")}


@pytest.mark.parametrize(("text", "actor"), [
    ("Kyiv insists that a ceasefire be signed this week.", "Ukraine"),
    ("Paris proposed extending the ceasefire.", "France"),
    ("Berlin suggested declaring a ceasefire.", "Germany"),
    ("It is time for a ceasefire, the French president said.", "France"),
    ("The French plan envisages a ceasefire along the front.", "France"),
    ("Turkey pledged to remove every obstacle to a ceasefire.", "Turkey"),
    ("Germany stepped up efforts to salvage the ceasefire.", "Germany"),
])
def test_stance_lexicon_general_support_cues(positioner: EnglishPositioner, text: str, actor: str) -> None:
    assert _stances(positioner, text) == {(actor, "ceasefire", "support")}


def test_stance_lexicon_declining_to_join_opposes(positioner: EnglishPositioner) -> None:
    assert _stances(positioner, "Germany declined to join the ceasefire.") == {("Germany", "ceasefire", "oppose")}


@pytest.mark.parametrize("text", [
    "The plan drawn up by France and Germany calls for a ceasefire.",
    "The declaration signed by France and Germany calls for a ceasefire.",
])
def test_stance_lexicon_joint_document_speaks_for_each_author(positioner: EnglishPositioner, text: str) -> None:
    assert _stances(positioner, text) == {("France", "ceasefire", "support"), ("Germany", "ceasefire", "support")}


def test_stance_lexicon_document_signed_by_a_list_speaks_for_all(positioner: EnglishPositioner) -> None:
    text = "The declaration signed by France, Germany and Turkey calls for a ceasefire."
    assert {actor for actor, _, _ in _stances(positioner, text)} == {"France", "Germany", "Turkey"}


ISSUE_CUE_PACK = """\
name: ferry
actors:
  - {id: Velora, name: Republic of Velora, aliases: [Velora]}
issues:
  - id: ferry-link
    label: Ferry link
    description: Reopening the ferry link across the strait.
    terms: [ferry link]
    cues:
      oppose: ["postpon(?:e|es|ed|ing)"]
"""


def test_stance_lexicon_an_issue_cue_takes_the_words_of_a_shared_cue(tmp_path: Path) -> None:
    # "postponed" is also a shared exclusion: read twice, it would turn the stance twice.
    path = tmp_path / "ferry.yaml"
    path.write_text(ISSUE_CUE_PACK, encoding="utf-8")
    positioner = EnglishPositioner(load_pack(path))
    assert _stances(positioner, "Velora postponed the ferry link.") == {("Velora", "ferry-link", "oppose")}


@pytest.mark.parametrize(("text", "expected"), [
    ("Paris wants the ceasefire lifted.", ("France", "ceasefire", "oppose")),
    ("Moscow wants the foreign troops withdrawn.", ("Russia", "foreign-troops-in-ukraine", "oppose")),
    ("Paris wants the ceasefire extended.", ("France", "ceasefire", "support")),
])
def test_stance_lexicon_participle_after_the_thing_wanted_undoes_it(
        positioner: EnglishPositioner, text: str, expected: tuple[str, str, str]) -> None:
    assert _stances(positioner, text) == {expected}


@pytest.mark.parametrize("text", [
    "Paris backs a ceasefire, an idea Moscow opposes.",
    "Paris backs a ceasefire—an idea Moscow opposes.",
    "Paris backs a ceasefire, a proposal that Moscow rejected.",
])
def test_stance_lexicon_noun_in_apposition_gives_its_clause_the_mention(
        positioner: EnglishPositioner, text: str) -> None:
    assert _stances(positioner, text) == {("France", "ceasefire", "support"), ("Russia", "ceasefire", "oppose")}


@pytest.mark.parametrize(("text", "expected"), [
    ("Germany's participation in the ceasefire monitoring reflects its role.", ("Germany", "ceasefire", "support")),
    ("Turkey will participate in the ceasefire.", ("Turkey", "ceasefire", "support")),
    ("Turkey refused to participate in the ceasefire.", ("Turkey", "ceasefire", "oppose")),
    ("Paris is optimistic about a ceasefire.", ("France", "ceasefire", "support")),
    ("Berlin wants to secure a ceasefire.", ("Germany", "ceasefire", "support")),
])
def test_stance_lexicon_taking_part_hoping_and_securing(
        positioner: EnglishPositioner, text: str, expected: tuple[str, str, str]) -> None:
    assert _stances(positioner, text) == {expected}


PENALTY_PACK = """\
name: fisheries
actors:
  - {id: Velora, name: Republic of Velora, aliases: [Velora]}
  - {id: Ostrava, name: Ostrava, aliases: [Ostrava]}
issues:
  - id: fishing-fines
    label: Fines on trawlers
    description: Fines on trawlers fishing in closed waters.
    terms: [fines]
  - id: quota
    label: Catch quota
    description: A shared catch quota.
    terms: [catch quota]
"""


@pytest.mark.parametrize(("text", "expected"), [
    # Invented: a penalty threatened or laid on is the penalty backed, where it is the issue.
    ("Velora warned of heavy fines for trawlers.", {("Velora", "fishing-fines", "support")}),
    ("Velora threatened fines on the trawlers.", {("Velora", "fishing-fines", "support")}),
    # ... and still against the act it answers.
    ("Velora threatened to impose sanctions if Ostrava rejects the catch quota.",
     {("Velora", "quota", "support")}),
])
def test_stance_lexicon_a_threatened_penalty_backs_the_penalty(tmp_path: Path, text: str,
                                                               expected: set[tuple[str, str, str]]) -> None:
    path = tmp_path / "fisheries.yaml"
    path.write_text(PENALTY_PACK, encoding="utf-8")
    assert _stances(EnglishPositioner(load_pack(path)), text) == expected


def test_stance_lexicon_in_case_of_is_a_condition(tmp_path: Path) -> None:
    path = tmp_path / "fisheries.yaml"
    path.write_text(PENALTY_PACK, encoding="utf-8")
    text = "Velora warned of fines in case of a breach of the accord."
    document = Document(id="d1", doc="d1.txt", origin="d1.txt", raw_text=text, text=text)
    positions = EnglishPositioner(load_pack(path)).positions(document, [])[1]
    assert [(p.stance, p.condition) for p in positions] == [("conditional", "in case of a breach of the accord")]


@pytest.mark.parametrize(("text", "expected"), [
    # Invented: a cue against a report doubts the report, not the thing reported.
    ("Moscow dismissed reports of a ceasefire.", set()),
    ("Paris rejected claims of a deal on foreign troops in Ukraine.", set()),
    # A cue for the report still backs the thing.
    ("Kyiv welcomed the announcement of a ceasefire.", {("Ukraine", "ceasefire", "support")}),
])
def test_stance_lexicon_a_cue_against_a_report_takes_no_side(positioner: EnglishPositioner, text: str,
                                                             expected: set[tuple[str, str, str]]) -> None:
    assert _stances(positioner, text) == expected


@pytest.mark.parametrize("text", [
    # Invented: encouraging another party to do a thing asks for it.
    "Paris is encouraging Kyiv to accept the truce.",
    # Invented: an agreement reached on a thing backs it, with or without the partner named.
    "Paris reached an agreement with the Kremlin over a truce.",
    "Paris has struck a deal on a truce.",
])
def test_stance_lexicon_encouraging_or_agreeing_on_a_thing_backs_it(positioner: EnglishPositioner, text: str) -> None:
    assert ("France", "ceasefire", "support") in _stances(positioner, text)


TALKS_PACK = """\
name: river-talks
actors:
  - {id: Velora, name: Republic of Velora, aliases: [Velora]}
issues:
  - id: river-talks
    label: Talks on the river
    description: Direct talks on sharing the river.
    terms: [river talks]
"""


@pytest.mark.parametrize("text", [
    # Invented: taking part in a thing in everyday words backs it.
    "Velora will take part in the river talks.",
    "Velora attended the river talks.",
    "Velora sent a delegation to the river talks.",
])
def test_stance_lexicon_taking_part_backs_the_thing(tmp_path: Path, text: str) -> None:
    path = tmp_path / "talks.yaml"
    path.write_text(TALKS_PACK, encoding="utf-8")
    assert _stances(EnglishPositioner(load_pack(path)), text) == {("Velora", "river-talks", "support")}


@pytest.mark.parametrize(("text", "stance"), [
    # Invented: the bare verb after a modal, a negation or a plural subject.
    ("Berlin will back a ceasefire along the front line.", "support"),
    ("Paris did not back the ceasefire.", "oppose"),
    ("European leaders back a ceasefire along the front line.", "support"),
])
def test_stance_lexicon_bare_back_is_support(positioner: EnglishPositioner, text: str, stance: str) -> None:
    assert {s for _, issue, s in _stances(positioner, text) if issue == "ceasefire"} == {stance}


def test_stance_lexicon_back_of_a_phrasal_verb_is_no_cue(positioner: EnglishPositioner) -> None:
    # Invented: "comes back the day after" returns; it backs nothing.
    assert _stances(positioner, "The envoy comes back the day after the ceasefire talks.") == set()


@pytest.mark.parametrize("text", [
    # Invented: terms named but not spelt out, and a thing done in answer to another.
    "Paris is ready to back a ceasefire along the front line, but under certain conditions.",
    "Paris would back a ceasefire along the front line on its own terms.",
    "Paris will back a ceasefire along the front line upon the exchange of prisoners.",
])
def test_stance_lexicon_unspelt_terms_and_upon_are_conditions(positioner: EnglishPositioner, text: str) -> None:
    assert ("France", "ceasefire", "conditional") in _stances(positioner, text)


def test_stance_lexicon_upon_request_is_no_condition(positioner: EnglishPositioner) -> None:
    assert _stances(positioner, "Paris will back a ceasefire along the front line upon request.") == {
        ("France", "ceasefire", "support")}


def test_stance_lexicon_demand_as_a_precondition_makes_the_issue_conditional(positioner: EnglishPositioner) -> None:
    # Invented: the thing demanded first is the price of the issue after "a precondition for".
    text = "Paris demands a written pledge as a precondition for any ceasefire along the front line."
    assert ("France", "ceasefire", "conditional") in _stances(positioner, text)


@pytest.mark.parametrize("text", [
    # Invented: the price named before the marker, by a verb of judging or by a copula.
    "Paris regards firm security guarantees as a 'precondition' for any ceasefire along the front line.",
    "Paris says firm security guarantees are a prerequisite for any ceasefire along the front line.",
    # Invented: the price named after the marker.
    "Paris says the main precondition for any ceasefire along the front line is firm security guarantees.",
])
def test_stance_lexicon_the_price_named_by_a_prerequisite_is_wanted(positioner: EnglishPositioner, text: str) -> None:
    assert _stances(positioner, text) == {("France", "guarantees-for-ukraine", "support"),
                                          ("France", "ceasefire", "conditional")}


def test_stance_lexicon_a_refused_price_leaves_the_issue_to_who_demands_it(positioner: EnglishPositioner) -> None:
    # Invented: Paris refuses Moscow's price; the ceasefire waits on it for Moscow, not Paris.
    text = "Paris rejected Moscow's demand for firm security guarantees as a precondition for any ceasefire."
    stances = _stances(positioner, text)
    assert ("Russia", "ceasefire", "conditional") in stances
    assert not any(actor == "France" and issue == "ceasefire" for actor, issue, _ in stances)


def test_stance_lexicon_insists_without_that_supports(positioner: EnglishPositioner) -> None:
    # Invented: "insists" with "that" left out, before the clause's subject.
    assert ("France", "ceasefire", "support") in _stances(positioner, "Paris insists the ceasefire stay in place.")


def test_stance_lexicon_plural_representatives_speak_for_their_party(positioner: EnglishPositioner) -> None:
    # Invented: a party's "representatives", like its "officials", speak for it.
    assert positioner.actor_of("French representatives", None) == "France"


def test_stance_lexicon_nominal_exclusion_governs_its_own_object(positioner: EnglishPositioner) -> None:
    # Invented: "an end to the war" excludes the war, not the guarantees its own clause names.
    text = "Paris said a lasting end to the war would include firm security guarantees for Ukraine."
    assert ("France", "guarantees-for-ukraine", "oppose") not in _stances(positioner, text)


def test_stance_lexicon_a_speaker_whose_name_joins_two_parties_speaks_for_both(positioner: EnglishPositioner) -> None:
    # Invented: "the meeting", resolved to the joint summit named before, speaks for each member.
    text = "The meeting called for a ceasefire along the front line."
    document = Document(id="d1", doc="d1.txt", origin="d1.txt", raw_text=text, text=text)
    statement = Statement("d1", "France and Germany summit", "France and Germany summit",
                          "a ceasefire along the front line", text.index("a ceasefire"), len(text) - 1,
                          "indirect", "called for", text.index("called"), text.index("called") + 10)
    positions = positioner.positions(document, [statement])[1]
    assert {(p.actor, p.issue, p.stance) for p in positions} == {
        ("France", "ceasefire", "support"), ("Germany", "ceasefire", "support")}


def test_stance_lexicon_a_nominal_cue_governs_its_own_object_not_a_later_clause(positioner: EnglishPositioner) -> None:
    # Invented: "the rejection of" takes the old treaty as its object; the guarantees in the
    # modal's clause are wanted, not rejected.
    text = "Paris said the rejection of the old treaty must be central to security guarantees for Ukraine."
    assert _stances(positioner, text) == {("France", "guarantees-for-ukraine", "support")}


def test_stance_lexicon_under_a_frame_others_secure_is_a_condition(positioner: EnglishPositioner) -> None:
    # Invented: the ceasefire is accepted inside a frame of guarantees or a mandate.
    assert _stances(positioner, "Paris would back a ceasefire along the front line under a UN mandate.") == {
        ("France", "ceasefire", "conditional")}


@pytest.mark.parametrize("text", [
    # Invented: failing to do a thing is not doing it, and the charge turns the failure.
    "Kyiv accused Moscow of failing to honour the ceasefire along the front line.",
    # Invented: a second charge joined to the first by "and of".
    "Kyiv accused Moscow of blocking the talks and of breaking the ceasefire along the front line.",
])
def test_stance_lexicon_a_charge_turns_each_failing_it_names(positioner: EnglishPositioner, text: str) -> None:
    assert ("Ukraine", "ceasefire", "support") in _stances(positioner, text)


RIVER_PACK = """\
name: river
actors:
  - {id: Velora, name: Republic of Velora, aliases: [Velora], adjectives: [Veloran]}
  - {id: Front, name: Velora Liberation Front, aliases: [VLF], descriptions: ["rebels?", "rebel movement"]}
issues:
  - {id: truce, label: Truce, description: A truce on the river., terms: [truce]}
"""


def test_stance_lexicon_a_nationality_before_a_partys_description_names_that_party(tmp_path: Path) -> None:
    # Invented: "Veloran rebels" are the rebel front the pack describes, not Velora.
    path = tmp_path / "river.yaml"
    path.write_text(RIVER_PACK, encoding="utf-8")
    assert _stances(EnglishPositioner(load_pack(path)), "Veloran rebels rejected the truce.") == {
        ("Front", "truce", "oppose")}


def test_stance_lexicon_the_signers_of_an_accord_hold_what_it_includes(positioner: EnglishPositioner) -> None:
    # Invented: both signers, each with a title, are the accord's parties in the next sentence.
    text = ("French President Emmanuel Macron and German Chancellor Friedrich Merz signed the accord on Monday. "
            "The accord includes a ceasefire along the front line.")
    assert _stances(positioner, text) == {("France", "ceasefire", "support"), ("Germany", "ceasefire", "support")}


SWAP_PACK = """\
name: swap
actors:
  - {id: Velora, name: Republic of Velora, aliases: [Velora]}
issues:
  - id: prisoner-swap
    label: Prisoner swap
    description: Freeing the captives on both sides.
    terms: ["releas(?:e|es|ed|ing) (?:\\\\w+ ){0,3}captives"]
    concepts:
      - {heads: [release, exchange], about: [captive, prisoner]}
  - {id: truce, label: Truce, description: A truce on the river., terms: [truce]}
"""


def test_stance_lexicon_a_swap_of_the_issues_own_halves_is_no_condition(tmp_path: Path) -> None:
    # Invented: captives for prisoners is the swap itself; a truce in return is a price.
    path = tmp_path / "swap.yaml"
    path.write_text(SWAP_PACK, encoding="utf-8")
    swap = EnglishPositioner(load_pack(path))
    assert _stances(swap, "Velora is ready to release all the captives in exchange for prisoners.") == {
        ("Velora", "prisoner-swap", "support")}
    assert ("Velora", "prisoner-swap", "conditional") in _stances(
        swap, "Velora is ready to release all the captives in exchange for a truce.")


def test_stance_lexicon_a_party_joined_with_a_quantified_group_shares_its_stance(positioner: EnglishPositioner) -> None:
    # Invented: "and several European countries" is joined to France as "and Germany" would be.
    assert _stances(positioner, "France and several European countries back a ceasefire along the front line.") == {
        ("France", "ceasefire", "support"), ("Europe", "ceasefire", "support")}


def test_stance_lexicon_a_list_after_a_colon_is_held_by_the_line_that_opens_it(positioner: EnglishPositioner) -> None:
    # Invented: each line under "commit both sides to:" is the parties' until a line names one.
    text = ("France and Germany signed the accord on Ukraine on Monday. The accord commits both sides to:\n"
            "A ceasefire along the front line.\n"
            "Security guarantees for Ukraine.\n"
            "Moscow rejected the accord.\n")
    stances = _stances(positioner, text)
    assert {("France", "ceasefire", "support"), ("Germany", "ceasefire", "support"),
            ("France", "guarantees-for-ukraine", "support")} <= stances
