"""Concepts derived from a pack's plain terms: a regex term finds its idea in other words."""

from __future__ import annotations

import pytest
from spacy.language import Language

from redline.models import Document
from redline.position import Pack, load_pack
from redline.position.en.actors import ActorIndex
from redline.position.en.concepts import ConceptFinder
from redline.position.en.derive import derived_concepts
from redline.position.en.families import load_concept_lexicon
from redline.position.en.positioner import EnglishPositioner

LEXICON = load_concept_lexicon()
WORDS = frozenset(LEXICON.function_words)
NEGATIONS = frozenset(LEXICON.negations)

# A pack as a new user writes it: terms only, no concepts (an invented river dispute).
PACK = """\
name: weir
actors:
  - id: Alpha
    name: Alpha
    aliases: [Alpha]
  - id: Beta
    name: Beta
    aliases: [Beta]
issues:
  - id: quota-relief
    label: Lifting the fishing quota
    description: Lifting or easing the quota on Beta's fleet.
    terms:
      - lift(?:s|ed|ing)? (?:the )?(?:\\w+ ){0,2}quotas?
    inverse_terms:
      - (?:new|tighter) quotas?
  - id: weir-closure
    label: Closing the weir
    description: Closing the weir gates on the upper river.
    terms:
      - clos(?:e|es|ed|ing|ure) (?:of )?(?:the )?(?:weir|gates)
  - id: river-patrols
    label: River patrols
    description: Joint patrols on the river.
    terms:
      - patrols? on the river
    inverse_terms:
      - (?:suspend|end)(?:s|ed|ing)? (?:its )?patrols
"""


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> Pack:
    path = tmp_path_factory.mktemp("pack") / "weir.yaml"
    path.write_text(PACK, encoding="utf-8")
    return load_pack(path)


@pytest.fixture(scope="module")
def positioner(nlp: Language, pack: Pack) -> EnglishPositioner:
    return EnglishPositioner(pack, nlp)


def _stances(positioner: EnglishPositioner, text: str) -> set[tuple[str, str, str]]:
    document = Document(id="d1", doc="d1.txt", origin="d1.txt", raw_text=text, text=text)
    return {(p.actor, p.issue, p.stance) for p in positioner.positions(document, [])[1]}


def test_derive_head_and_about_from_the_words_a_term_needs() -> None:
    [concept] = derived_concepts([r"lift(?:s|ed|ing)? (?:the )?(?:\w+ ){0,2}sanctions"], WORDS, NEGATIONS)
    assert (concept.heads, concept.about) == (["lift"], ["sanctions"])


def test_derive_optional_words_are_no_head() -> None:
    # "nuclear programme" is not what "(?:nuclear )?enrichment(?: programme)?" names.
    assert derived_concepts([r"(?:nuclear )?enrichment(?: programme)?"], WORDS, NEGATIONS) == []


def test_derive_one_word_and_negated_terms_stay_regexes() -> None:
    assert derived_concepts(["consortium", r"enrich(?:es)? no uranium", "zero tolerance"], WORDS, NEGATIONS) == []


def test_derive_inverse_terms_make_inverse_concepts() -> None:
    [concept] = derived_concepts([r"(?:new|fresh) sanctions"], WORDS, NEGATIONS, inverse=True)
    assert (concept.heads, concept.about, concept.inverse) == (["new", "fresh"], ["sanctions"], True)


def test_derive_passive_wording_of_a_plain_term_is_found(positioner: EnglishPositioner) -> None:
    assert _stances(positioner, "Beta wants the old quotas on its fleet lifted.") == {
        ("Beta", "quota-relief", "support")}


def test_derive_participle_naming_which_thing_is_no_mention(nlp: Language, pack: Pack) -> None:
    # "the quotas lifted last year" tells which quotas, not that anyone wants them lifted.
    finder = ConceptFinder(pack, ActorIndex(pack), nlp)
    assert [m.issue for m in finder.find("Alpha wants the quotas lifted.")] == ["quota-relief"]
    assert finder.find("Alpha restored the quotas lifted last year.") == []


def test_derive_an_act_done_gives_its_doer_the_stance(positioner: EnglishPositioner) -> None:
    assert _stances(positioner, "Alpha closed the weir on Monday.") == {("Alpha", "weir-closure", "support")}


def test_derive_an_act_only_planned_or_denied_gives_none(positioner: EnglishPositioner) -> None:
    assert _stances(positioner, "Alpha could close the weir on Monday.") == set()
    assert _stances(positioner, "Alpha did not close the weir on Monday.") != {("Alpha", "weir-closure", "support")}


def test_derive_inverse_term_wins_over_the_term_it_holds(positioner: EnglishPositioner) -> None:
    # "suspended its patrols on the river" holds "patrols on the river" but ends them.
    assert _stances(positioner, "Beta suspended its patrols on the river in May.") == {
        ("Beta", "river-patrols", "oppose")}
