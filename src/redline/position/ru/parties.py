"""Which party a Russian name, pronoun or guarantee's beneficiary stands for, on natasha's parse.

Positions need a party in three places: a subject or owner that names one ("Москва
настаивает", "готовность Европы"), a pronoun that stands for the party named just before
("требование Москвы предоставить ей …"), and the beneficiary that tells issues sharing
generic terms apart ("гарантии … как для России, так и для Украины"). A party is a pack
name or a pack person's surname in any case.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from redline.attribute.ru.parse import Parsed
from redline.position.ru.lemmas import Match, PhraseMatcher
from redline.position.ru.syntax import speaks_from

_BENEFICIARY_BEFORE = 3
_BENEFICIARY_AFTER = 10
_ANTECEDENT_REACH = 4
_SUBJECT = ("nsubj", "nsubj:pass")
# The most words back a subject the parser lost is looked for ("и Франция, и Германия хотят").
_LEFT_SUBJECT = 8


@dataclass(frozen=True)
class CueParty:
    """The parties that own a stance cue: the word they hang on, and whether they are its subject."""

    head: int
    actors: tuple[str | None, ...]
    # A subject ("Киев хочет") or the author of a statement ("заявление Вашингтона о …"), not a
    # genitive of the cue noun ("отказ Киева от …" may be what another demands).
    subject: bool


class Parties:
    """The pack's parties as found in a parse: by name, by person, by pronoun and as beneficiaries."""

    def __init__(self, actors: PhraseMatcher, person: Callable[[str], str | None], owners: dict[str, str]) -> None:
        self._actors = actors
        self._person = person
        # Beneficiary actor -> the issue its own guarantees are.
        self._owners = owners

    def actor_at(self, parsed: Parsed, index: int) -> str | None:
        """The actor a name starting at ``index`` stands for: a pack name or a pack person."""
        tokens = parsed.tokens
        found = [m for m in self._actors.find(tokens, index, min(index + 3, len(tokens))) if m.first == index]
        if found:
            return found[0].label
        name = parsed.name_at(index)
        return self._person(tokens[name.last].text) if name is not None and name.kind == "PER" else None

    def cue_party(self, parsed: Parsed, index: int, topic_nouns: Sequence[str]) -> CueParty | None:
        """The parties a stance cue's own subject or genitive owner names, and the word they hang on.

        "Киев хочет …", "готовность Европы …" and, for a cue inside a party's statement,
        "заявление Вашингтона о невозможности …". A name outside the pack is None.
        """
        token = parsed.tokens[index]
        owners = [index]
        if token.head is not None and parsed.tokens[token.head].lemma in topic_nouns:
            owners.append(token.head)
        for owner in owners:
            noun = parsed.tokens[owner].pos == "NOUN"
            agent = self._agent(parsed, owner)
            if agent is not None:
                return agent
            for child in parsed.children(owner):
                if child.rel in _SUBJECT or (noun and child.rel == "nmod" and child.feats.get("Case") == "Gen"):
                    members = [child, *(c for c in parsed.children(child.index) if c.rel == "conj")]
                    found = [(self._phrase_actor(parsed, m.index), parsed.name_at(m.index)) for m in members]
                    actors = tuple(actor for actor, name in found if actor is not None or name is not None)
                    if actors:
                        return CueParty(owner, actors, child.rel in _SUBJECT or owner != index)
        return self._located(parsed, index) or self._left_subject(parsed, index)

    def _located(self, parsed: Parsed, index: int) -> CueParty | None:
        """The party whose seat a subjectless plural cue names ("на Западе готовы направить войска")."""
        for child in parsed.children(index):
            if speaks_from(parsed, child) and (actor := self.actor_at(parsed, child.index)) is not None:
                return CueParty(index, (actor,), True)
        return None

    def _agent(self, parsed: Parsed, index: int) -> CueParty | None:
        """The party by which a passive cue's act is done ("проект был предложен украинской стороной")."""
        if parsed.tokens[index].feats.get("Voice") != "Pass":
            return None
        for child in parsed.children(index):
            if child.rel in ("obl", "obl:agent") and child.feats.get("Case") == "Ins":
                # "предложенный Киевом и Парижем план": each conjunct is an author, also where
                # the parser hangs the second on the participle.
                members = [child, *(c for c in parsed.children(child.index) if c.rel == "conj"),
                           *(c for c in parsed.children(index) if c.rel == "conj" and c.feats.get("Case") == "Ins")]
                actors = tuple(dict.fromkeys(a for m in members if (a := self._phrase_actor(parsed, m.index)) is not None))
                if actors:
                    return CueParty(index, actors, True)
        return None

    def _left_subject(self, parsed: Parsed, index: int) -> CueParty | None:
        """Parties named right before a verb the parser gave no subject ("и Франция, и Германия хотят")."""
        tokens = parsed.tokens
        if tokens[index].pos != "VERB" or any(c.rel in _SUBJECT for c in parsed.children(index)):
            return None
        actors: list[str] = []
        k = index - 1
        while k >= 0 and index - k <= _LEFT_SUBJECT and tokens[k].sentence == tokens[index].sentence and (
                tokens[k].pos == "CCONJ" or tokens[k].text == "," or tokens[k].feats.get("Case") == "Nom"):
            actor = self.actor_at(parsed, k)
            if actor is not None:
                actors.insert(0, actor)
            k -= 1
        return CueParty(index, tuple(dict.fromkeys(actors)), True) if actors else None

    def _phrase_actor(self, parsed: Parsed, head: int) -> str | None:
        """The actor a noun phrase names from its head or a word before it ("европейские страны", "самой украинской стороной").

        A participle's agent before the head is not the phrase's party: "предложенный Киевом
        план" is a plan, not Kyiv.
        """
        clauses = [parsed.subtree(c.index) for c in parsed.children(head) if c.rel == "acl"]
        return next((actor for k in (head, *range(parsed.subtree(head)[0], head))
                     if not any(low <= k <= high for low, high in clauses)
                     and (actor := self.actor_at(parsed, k)) is not None), None)

    def antecedent(self, parsed: Parsed, index: int) -> str | None:
        """The party a pronoun stands for: the nearest one named just before it ("требование Москвы дать ей …")."""
        for i in range(index - 1, max(-1, index - _ANTECEDENT_REACH - 1), -1):
            if parsed.tokens[i].sentence != parsed.tokens[index].sentence:
                return None
            actor = self.actor_at(parsed, i)
            if actor is not None:
                return actor
        return None

    def for_whom(self, parsed: Parsed, mention: Match, first: int, last: int) -> list[Match]:
        """A beneficiary's issue for a term of one ("гарантии … как для России, так и для Украины").

        Issues told apart by their beneficiary share generic terms; a party named with "для" or
        in the dative beside the term ("предоставить ей гарантии") says whose issue it is, one
        reading per party. ``first`` and ``last`` bound the unit the term is read in.
        """
        if mention.label[1:] not in self._owners.values():
            return [mention]
        tokens = parsed.tokens
        sentence = tokens[mention.first].sentence
        anchors = _anchors(parsed, mention)
        whose: list[str] = []
        for i in range(max(first, mention.first - _BENEFICIARY_BEFORE), min(last, mention.last + _BENEFICIARY_AFTER + 1)):
            token = tokens[i]
            if token.sentence != sentence or mention.first <= i <= mention.last:
                continue
            if not ((i > 0 and tokens[i - 1].lemma == "для") or (token.feats.get("Case") == "Dat" and token.rel in ("iobj", "obl"))):
                continue
            # Attached to the term or to what governs it, not a threatened party in a clause
            # about it ("гарантии, которые будут угрожать Москве").
            head = tokens[token.head] if token.rel == "conj" and token.head is not None else token
            if head.head not in anchors:
                continue
            actor = self.antecedent(parsed, i) if token.pos == "PRON" else self.actor_at(parsed, i)
            if actor in self._owners:
                whose.append(self._owners[actor])
        if not whose:
            return [mention]
        return [replace(mention, label=mention.label[0] + issue) for issue in dict.fromkeys(whose)]


def _anchors(parsed: Parsed, mention: Match) -> set[int]:
    """The term's tokens, its governor and the governor's verb complements ("должны быть выработаны")."""
    anchors = set(range(mention.first, mention.last + 1))
    governor = parsed.tokens[mention.first].head
    if governor is not None:
        anchors.add(governor)
        anchors |= {c.index for c in parsed.children(governor) if c.rel == "xcomp"}
    return anchors
