"""Issue concepts: a head by lemma, the words it is about and its objects, through the parse."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from redline.errors import PackError
from redline.models import Document
from redline.position import load_pack
from redline.position.en.positioner import EnglishPositioner
from redline.position.en.actors import ActorIndex
from redline.position.en.concepts import ConceptFinder

PACK = """\
name: harbour
actors:
  - id: Alpha
    name: Alpha
    aliases: [Alpha]
  - id: League
    name: Harbour League
    aliases: [Harbour League, the League]
  - id: Bloc
    name: Trade Bloc
    aliases: [Trade Bloc]
issues:
  - id: league-membership
    label: Alpha in the League
    description: Alpha joining the Harbour League.
    concepts:
      - {heads: [membership, accession, join], objects: [League]}
  - id: bloc-membership
    label: Alpha in the Bloc
    description: Alpha joining the Trade Bloc.
    concepts:
      - {heads: [membership, accession, join], objects: [Bloc]}
  - id: harbour-protection
    label: Protection of the harbour
    description: Others pledging to defend Alpha's harbour.
    concepts:
      - {heads: [pledge, guarantee, commitment], about: [defend, protect, security]}
"""


@pytest.fixture(scope="module")
def positioner(nlp: Language, tmp_path_factory: pytest.TempPathFactory) -> EnglishPositioner:
    path = tmp_path_factory.mktemp("pack") / "harbour.yaml"
    path.write_text(PACK, encoding="utf-8")
    return EnglishPositioner(load_pack(path), nlp)


def _stances(positioner: EnglishPositioner, text: str) -> set[tuple[str, str, str]]:
    document = Document(id="d1", doc="d1.txt", origin="d1.txt", raw_text=text, text=text)
    return {(p.actor, p.issue, p.stance) for p in positioner.positions(document, [])[1]}


def test_concepts_object_through_a_conjunction(positioner: EnglishPositioner) -> None:
    text = "Alpha refuses to renounce accession to the Harbour League and the Trade Bloc."
    assert _stances(positioner, text) == {("Alpha", "league-membership", "support"),
                                          ("Alpha", "bloc-membership", "support")}


def test_concepts_head_with_the_word_it_is_about(positioner: EnglishPositioner) -> None:
    text = "Alpha welcomed a league-style pledge to defend the harbour."
    assert _stances(positioner, text) == {("Alpha", "harbour-protection", "support")}


def test_concepts_head_without_its_about_word_is_no_issue(positioner: EnglishPositioner) -> None:
    assert _stances(positioner, "Alpha welcomed a pledge to reopen the market.") == set()


def test_concepts_non_prefix_names_the_opposite(positioner: EnglishPositioner) -> None:
    text = "Alpha backs non-membership in the Harbour League."
    assert _stances(positioner, text) == {("Alpha", "league-membership", "oppose")}


def _finder(nlp: Language, tmp_path: Path, pack_text: str = PACK) -> ConceptFinder:
    path = tmp_path / "harbour.yaml"
    path.write_text(pack_text, encoding="utf-8")
    pack = load_pack(path)
    return ConceptFinder(pack, ActorIndex(pack), nlp)


def _found(nlp: Language, tmp_path: Path, text: str, pack_text: str = PACK) -> list[tuple[str, str]]:
    return [(text[m.start:m.end], m.issue) for m in _finder(nlp, tmp_path, pack_text).find(text)]


def test_concepts_negation_stays_outside_the_span(nlp: Language, tmp_path: Path) -> None:
    text = "Alpha said the Harbour League would not join talks."
    assert _found(nlp, tmp_path, text) == [("join", "league-membership")]


def test_concepts_unknown_object_actor_is_a_pack_error(tmp_path: Path) -> None:
    path = tmp_path / "harbour.yaml"
    path.write_text(PACK.replace("objects: [Bloc]", "objects: [Empire]"), encoding="utf-8")
    with pytest.raises(PackError, match=r"harbour.yaml:\d+: issues\[1\]\.concepts\[0\]\.objects: unknown actor 'Empire'"):
        load_pack(path)


def test_concepts_an_issue_needs_terms_or_concepts(tmp_path: Path) -> None:
    path = tmp_path / "harbour.yaml"
    path.write_text(PACK.replace("    concepts:\n      - {heads: [membership, accession, join], objects: [Bloc]}\n", ""),
                    encoding="utf-8")
    with pytest.raises(PackError, match=r"issues\[1\]: an issue needs terms, inverse_terms or concepts"):
        load_pack(path)


def test_concepts_span_does_not_reach_over_a_long_stretch(nlp: Language, tmp_path: Path) -> None:
    text = "The old pledge the ministers of both sides drafted in the capital must defend the harbour."
    assert _found(nlp, tmp_path, text) == [("pledge", "harbour-protection")]


def test_concepts_nouns_only_heads_skip_the_verb(nlp: Language, tmp_path: Path) -> None:
    finder = _finder(nlp, tmp_path, PACK.replace("about: [defend, protect, security]}",
                                                 "about: [defend, protect, security], nouns_only: true}"))
    assert [m.issue for m in finder.find("Alpha wants a guarantee of security.")] == ["harbour-protection"]
    assert finder.find("Alpha is guaranteeing the security of its own ships.") == []


PIERS = PACK + """\
  - id: pier-handover
    label: Handing over the piers
    description: Alpha ceding its piers to the League.
    concepts:
      - {heads: [pier], about: [cede, surrender]}
  - id: pilot-boats
    label: Pilot boats
    description: Pilot boats for the harbour.
    concepts:
      - {heads: [pilot]}
"""


def test_concepts_head_in_another_form_of_its_word(nlp: Language, tmp_path: Path) -> None:
    text = "Alpha said it would accede to the Harbour League within a year."
    assert _found(nlp, tmp_path, text) == [("accede to the Harbour League", "league-membership")]


def test_concepts_about_word_in_another_form(nlp: Language, tmp_path: Path) -> None:
    text = "Alpha wants a pledge of defence for the harbour."
    assert _found(nlp, tmp_path, text) == [("pledge of defence", "harbour-protection")]


def test_concepts_head_that_stands_alone_is_matched_as_written(nlp: Language, tmp_path: Path) -> None:
    text = "The piloting of ships slowed, and two pilots left."
    assert _found(nlp, tmp_path, text, PIERS) == [("pilots", "pilot-boats")]


def test_concepts_about_word_above_a_word_of_quantity(nlp: Language, tmp_path: Path) -> None:
    text = "Alpha rejected the cession of all of the piers."
    assert _found(nlp, tmp_path, text, PIERS) == [("piers", "pier-handover")]


def test_concepts_bare_head_refers_back_to_its_object(nlp: Language, tmp_path: Path) -> None:
    text = "Alpha seeks membership in the Harbour League. Beta opposes its membership."
    assert _found(nlp, tmp_path, text) == [("membership in the Harbour League", "league-membership"),
                                           ("membership", "league-membership")]


def test_concepts_bare_head_refers_to_the_nearest_match(nlp: Language, tmp_path: Path) -> None:
    text = "Alpha seeks membership in the Harbour League and accession to the Trade Bloc. Beta delays the accession."
    assert _found(nlp, tmp_path, text)[-1] == ("accession", "bloc-membership")


def test_concepts_bare_head_with_a_name_of_its_own_refers_to_nothing(nlp: Language, tmp_path: Path) -> None:
    text = "Alpha seeks membership in the Harbour League. Gamma's membership came first."
    assert _found(nlp, tmp_path, text) == [("membership in the Harbour League", "league-membership")]


def test_concepts_bare_head_does_not_reach_far_back(nlp: Language, tmp_path: Path) -> None:
    text = ("Alpha seeks membership in the Harbour League. The weather was fine. Ships sailed. "
            "Beta opposes its membership.")
    assert _found(nlp, tmp_path, text) == [("membership in the Harbour League", "league-membership")]


def test_concepts_bare_head_of_an_about_concept_refers_to_nothing(nlp: Language, tmp_path: Path) -> None:
    text = "Alpha wants a pledge to defend the harbour. Beta broke the pledge."
    assert _found(nlp, tmp_path, text) == [("pledge to defend", "harbour-protection")]


@pytest.fixture(scope="module")
def shipped(nlp: Language) -> ConceptFinder:
    pack = load_pack("ukraine-security")
    return ConceptFinder(pack, ActorIndex(pack), nlp)


@pytest.mark.parametrize(("text", "expected"), [
    ("The envoy said a deal built on the 2022 bilateral talks was possible.",
     [("2022 bilateral talks", "istanbul-2022-basis")]),
    ("The delegation said it would never hand over Crimea.", [("hand over Crimea", "territorial-concessions")]),
    ("Moscow wants all of Luhansk.", [("wants all of Luhansk", "territorial-concessions")]),
    ("Berlin backs sending international monitors to the border.",
     [("international monitors", "foreign-troops-in-ukraine")]),
    ("The referee will monitor the match.", []),
])
def test_concepts_shipped_pack_reads_paraphrases(shipped: ConceptFinder, text: str,
                                                 expected: list[tuple[str, str]]) -> None:
    assert [(text[m.start:m.end], m.issue) for m in shipped.find(text)] == expected


ABSENCE = """\
name: border
actors:
  - id: Alpha
    name: Alpha
    aliases: [Alpha]
  - id: opposition
    name: Alpha opposition
    aliases: [opposition leaders]
issues:
  - id: no-monitors
    label: No foreign monitors
    description: Keeping foreign monitors away from the border.
    inverse_terms: ["foreign monitors"]
  - id: levy-waiver
    label: Waiving the levy law
    description: Waiving the levy law.
    terms: ["waiver of the levy law"]
    inverse_terms: ["the levy law"]
"""


def test_concepts_an_issue_named_by_its_opposite_alone_and_the_longer_wording_wins(
        nlp: Language, tmp_path: Path) -> None:
    # Invented: an absence named only by what it excludes; a term holding a whole inverse term wins.
    path = tmp_path / "border.yaml"
    path.write_text(ABSENCE, encoding="utf-8")
    positioner = EnglishPositioner(load_pack(path), nlp)
    assert _stances(positioner, "Alpha wants the foreign monitors removed.") == {("Alpha", "no-monitors", "support")}
    assert _stances(positioner, "Alpha welcomed the foreign monitors.") == {("Alpha", "no-monitors", "oppose")}
    assert _stances(positioner, "Alpha opposes any waiver of the levy law.") == {("Alpha", "levy-waiver", "oppose")}
    # A name written in lower case also opens a sentence with a capital.
    assert _stances(positioner, "Opposition leaders reject any waiver of the levy law.") == {
        ("opposition", "levy-waiver", "oppose")}
