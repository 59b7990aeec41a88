"""Russian positions: statements and reporting to (actor, issue, stance), on lemmas.

Each sentence is cut into units: the part a statement with an actor covers (its holder is
that actor) and the rest, the article's own reporting (its holder is the actor named as
a subject there). Each issue term of the pack's ``ru:`` section found in a unit is read
within its clause: a condition after it ("только после …", "без согласия …") or a
requirement before it ("мир необходим для …") makes it conditional; otherwise the nearest
stance cue gives the stance, turned by a negation just before it and by an inverse term
("внеблоковый статус" opposes membership). A term inside a condition is what the holder
asks for, as the condition words it; inside an occasion ("только после перемирия") nothing.
A term of the holder's own side ("гарантии нашей безопасности") is the issue whose
beneficiary the holder is, and no issue for a holder that no issue benefits. Another party
with its own verb of will, or doing what the term names, holds what that verb governs
("Лавров заявил, что Киев хочет вступить в союз" is Kyiv's); what the holder asks of it
(an obligation, a condition) stays the holder's.
The readings merge into positions as the English ones do.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

from redline.attribute.ru.parse import Parsed, Token, lemmatise, parse
from redline.attribute.ru.speakers import same_stem
from redline.models import Document, Position, Stance, Statement
from redline.position.merge import Reading, merge, with_groups
from redline.position.pack import Pack
from redline.position.ru.lemmas import Match, PhraseMatcher
from redline.position.ru.parties import Parties
from redline.position.ru.stance import STANCE_LEXICON, load_stance
from redline.position.ru.syntax import refusal, speaks_from, verb_of

_BEFORE = 8
_AFTER = 4
_NEGATION_REACH = 3
_CONDITION_WORDS = 8
_CUE_REACH = 3
_ALTERNATIVE_REACH = 2
_MODIFIER_HOPS = 3
_TURN: dict[Stance, Stance] = {"support": "oppose", "oppose": "support"}
_SUBJECT = ("nsubj", "nsubj:pass")
# How far a predicate's subjects are looked for on either side of it.
# How many nouns up a term may sit inside its clause's subject ("идея размещения войск").
_NOUN_CHAIN = 3
_SENTENCE_REACH = 60
_CLAUSES = frozenset({"advcl", "acl", "acl:relcl", "ccomp", "parataxis", "conj", "csubj"})
# Cue kinds that give a stance by themselves (the others shape a stance a polar cue gives).
_POLAR = frozenset({"neutral", "support", "oppose", "threat", "security_claim"})
_OWN = "="
# How many sentences back a carrying noun phrase ("такая идея") looks for its issue.
_ANAPHOR_SENTENCES = 1


@dataclass(frozen=True)
class _Unit:
    first: int
    last: int
    actor: str | None
    statement_index: int | None = None
    speaker: str | None = None


class RussianPositioner:
    """Speakers to actors and Russian statements and reporting to positions, with one pack's data."""

    language = "ru"

    def __init__(self, pack: Pack, lexicon: Path = STANCE_LEXICON) -> None:
        self.pack = pack
        self.stance = load_stance(lexicon)
        self.section = pack.ru
        self._speakers: dict[tuple[str, str | None], str | None] = {}

    # The matchers parse their phrases with natasha: built on the first Russian document.
    @cached_property
    def _actors(self) -> PhraseMatcher:
        section = self.section
        return PhraseMatcher((a, n) for a, entry in (section.actors.items() if section else ())
                             for n in (*entry.names, *entry.adjectives))

    @cached_property
    def _issues(self) -> PhraseMatcher:
        section = self.section
        return PhraseMatcher((f"{'-' if inverse else '+'}{i}", t) for i, entry in (section.issues.items() if section else ())
                             for inverse, terms in ((False, entry.terms), (True, entry.inverse_terms)) for t in terms)

    @cached_property
    def _own(self) -> PhraseMatcher:
        # One label for all own terms: issues sharing a phrase are told apart by the holder.
        section = self.section
        return PhraseMatcher((_OWN, t) for t in dict.fromkeys(
            t for entry in (section.issues.values() if section else ()) for t in entry.own_terms))

    @cached_property
    def _beneficiaries(self) -> dict[str, str]:
        """Issue -> the actor it is for ("ukraine-nato-membership" -> "Ukraine")."""
        return {issue.id: issue.beneficiary for issue in self.pack.issues if issue.beneficiary is not None}

    @cached_property
    def _owners(self) -> dict[str, str]:
        """Beneficiary actor -> the issue its own terms stand for."""
        section = self.section
        return {actor: issue for issue, entry in (section.issues.items() if section else ())
                if entry.own_terms and (actor := self._beneficiaries.get(issue)) is not None}

    @cached_property
    def _cues(self) -> PhraseMatcher:
        kinds = ("neutral", "support", "oppose", "refusal", "alternative", "negation", "condition", "requirement", "security_claim",
                 "threat", "boundaries")
        return PhraseMatcher((kind, phrase) for kind in kinds for phrase in getattr(self.stance, kind))

    @cached_property
    def _anaphors(self) -> PhraseMatcher:
        return PhraseMatcher(("~", phrase) for phrase in self.stance.anaphors)

    @cached_property
    def _parties(self) -> Parties:
        return Parties(self._actors, self._person, self._owners)

    def actor_of(self, speaker: str, role: str | None) -> str | None:
        """The actor a speaker speaks for: a pack person by surname, else a name in the role."""
        self._learn([(speaker, role)])
        return self._speakers[(speaker, role)]

    def _learn(self, speakers: list[tuple[str, str | None]]) -> None:
        """Find the actors of speakers not seen before, their names parsed in one batch."""
        section = self.section
        new = [key for key in dict.fromkeys(speakers) if key not in self._speakers]
        if not new:
            return
        if section is None:
            self._speakers.update({key: None for key in new})
            return
        for (speaker, role), words in zip(new, lemmatise([f"{r or ''} {s}" for s, r in new]), strict=True):
            self._speakers[(speaker, role)] = self._person(speaker) or (
                None if any(t.lemma in section.non_actor for t in words)
                else next((m.label for m in self._actors.find(words, 0, len(words))), None))

    def _person(self, speaker: str) -> str | None:
        """The actor of a pack person whose surname (in any case) the speaker's name ends with."""
        last = speaker.split()[-1] if speaker.split() else ""
        for actor, entry in (self.section.actors.items() if self.section else ()):
            for person in entry.persons:
                if any(same_stem(form.split()[-1], last) for form in (person.name, *person.variants)):
                    return actor
        return None

    def positions(self, document: Document, statements: list[Statement]) -> tuple[list[Statement], list[Position]]:
        """Statements with their actors, and the document's positions (one per actor x issue)."""
        self._learn([(s.speaker, s.role) for s in statements])
        statements = [replace(s, actor=self.actor_of(s.speaker, s.role)) for s in statements]
        parsed = parse(document.text)
        readings: list[Reading] = []
        for unit in self._units(parsed, statements):
            readings += self._read(parsed, unit)
        return statements, merge(document.id, document.text, with_groups(readings, self.pack.groups()))

    def _units(self, parsed: Parsed, statements: list[Statement]) -> list[_Unit]:
        """Each sentence cut into statement units and reporting units."""
        tokens = parsed.tokens
        units: list[_Unit] = []
        author: str | None = None
        for sentence in parsed.sentences:
            covered: set[int] = set()
            for index, statement in enumerate(statements):
                start, end = self._region(parsed, statement)
                inside = [t.index for t in tokens[sentence.first:sentence.last] if start <= t.start and t.end <= end]
                if inside and statement.actor:
                    units.append(_Unit(inside[0], inside[-1] + 1, statement.actor, index, statement.speaker))
                # What a non-party speaker (an outlet, an expert) claims is not the article's reporting.
                covered.update(inside)
            rest = [i for i in range(sentence.first, sentence.last) if i not in covered]
            if rest:
                holder = self._subject_actor(parsed, rest) or self._document_subject(parsed, rest, author)
                if holder is not None:
                    units.append(_Unit(rest[0], rest[-1] + 1, holder))
            author = self._document_author(parsed, range(sentence.first, sentence.last)) or author
        return units

    def _document_author(self, parsed: Parsed, indexes: Iterable[int]) -> str | None:
        """The party a document noun names as its author ("план посланника США"): the first
        party in its noun phrase not behind a preposition ("по Украине" is its topic)."""
        for i in indexes:
            if parsed.tokens[i].lemma not in self.stance.documents:
                continue
            for k in range(i + 1, parsed.subtree(i)[1] + 1):
                actor = self._parties.actor_at(parsed, k)
                if actor is not None and not self._behind_preposition(parsed, k, i):
                    return actor
        return None

    def _behind_preposition(self, parsed: Parsed, index: int, top: int) -> bool:
        """Whether a word hangs from ``top`` through a preposition on the way up."""
        node: int | None = index
        while node is not None and node != top:
            if any(c.rel == "case" for c in parsed.children(node)):
                return True
            node = parsed.tokens[node].head
        return False

    def _document_subject(self, parsed: Parsed, indexes: list[int], author: str | None) -> str | None:
        """The last author the article named, for a document subject with none of its own."""
        if author is None:
            return None
        return next((author for i in indexes if parsed.tokens[i].rel in _SUBJECT
                     and parsed.tokens[i].lemma in self.stance.documents
                     and self._document_author(parsed, [i]) is None), None)

    def _region(self, parsed: Parsed, statement: Statement) -> tuple[int, int]:
        """A statement's content, widened to its cue when the cue leads into it ("исключил размещение")."""
        cue = statement.cue_start
        if cue is None or cue >= statement.start:
            return statement.start, statement.end
        between = [t for t in parsed.tokens if cue <= t.start < statement.start]
        return (cue, statement.end) if len(between) <= _CUE_REACH else (statement.start, statement.end)

    def _subject_actor(self, parsed: Parsed, indexes: list[int]) -> str | None:
        """The actor named as a subject in the article's own reporting ("Москва настаивает")."""
        tokens = parsed.tokens
        for i in indexes:
            if tokens[i].rel in _SUBJECT or self._owns_goal(parsed, tokens[i]) or speaks_from(parsed, tokens[i]):
                # A pack person as subject holds for their side ("Премьер Иванов призвал к перемирию").
                actor = self._parties.actor_at(parsed, i)
                if actor is not None:
                    return actor
        return None

    def _owns_goal(self, parsed: Parsed, token: Token) -> bool:
        """The owner of a goal noun: "приоритет Киева — членство в союзе" is Kyiv's aim, and an
        owning adjective too ("американский план предусматривает вывод войск" is the US plan)."""
        if token.head is None:
            return False
        if token.rel == "amod":
            return parsed.tokens[token.head].lemma in self.stance.holder_nouns
        if token.rel != "nmod" or token.feats.get("Case") != "Gen":
            return False
        # Up the chain of genitives ("приоритет руководства Киева"), to the first word that is no genitive.
        for head in parsed.ancestors(token.index):
            if head.lemma in self.stance.holder_nouns or head.rel != "nmod":
                return head.lemma in self.stance.holder_nouns
        return False

    def _read(self, parsed: Parsed, unit: _Unit) -> list[Reading]:
        """The readings of one unit's issue mentions: the holder's, and those of a party acting inside it."""
        if unit.actor is None:
            return []
        tokens = parsed.tokens
        # A cue word that is part of an issue's own term ("прекращение огня") cues nothing.
        terms = self._issues.find(tokens, unit.first, unit.last)
        found = _uncovered([refusal(tokens, c) for c in self._cues.find(tokens, unit.first, unit.last)
                            if not any(t.first <= c.first and c.last <= t.last for t in terms)])
        parties = {c: self._parties.cue_party(parsed, c.first, self.stance.topic_nouns) for c in found}
        conditions = [c for c in found if c.label == "condition"]
        # What the holder asks of another party stays the holder's: an obligation ("Киев должен
        # отказаться от …"), a condition ("только если Киев откажется от …") and a party's
        # giving up ("требует отказа Киева от членства").
        demanded = {c for c, p in parties.items() if p is not None and (
            tokens[c.first].lemma in self.stance.obligation or any(0 < c.first - k.last <= _CONDITION_WORDS for k in conditions)
            or (not p.subject and tokens[c.first].lemma in self.stance.surrender))}
        cues = [c for c in found if (p := parties[c]) is None or unit.actor in p.actors or c in demanded]
        # "Министр заявил, что Киев хочет вступить в союз": the party with the verb of will holds
        # what that verb governs, inside the speaker's words or the article's reporting; so does
        # the subject of a verb that is itself the issue ("Европа отправит войска, только если …").
        acting: dict[tuple[int, str], list[Match]] = {}
        # "Британия, Германия и Франция хотят …" with Britain the holder: its partners act
        # with it, and the holder keeps its own reading.
        joined = {party.head for party in parties.values() if party is not None and unit.actor in party.actors}
        # A noun of will's owner holds its aim, and the holder still judges it ("отвергла
        # требование Киева …" is Kyiv's demand and Moscow's refusal).
        owners: set[int] = set()
        for cue, party in parties.items():
            # "отвергла требование Киева о гарантиях": a noun of will is its genitive owner's
            # own aim ("Kyiv's demand"), whoever reports or rejects it.
            owned = party is not None and cue.label == "support" and tokens[cue.first].pos == "NOUN"
            if party is None or not (party.subject or owned) or cue.label not in _POLAR or cue in demanded:
                continue
            if not party.subject:
                owners.add(party.head)
            for actor in party.actors:
                if actor is not None and actor != unit.actor:
                    acting.setdefault((party.head, actor), []).append(cue)
        others: set[int] = set()
        for mention in self._issues.find(tokens, unit.first, unit.last):
            verb = verb_of(tokens, mention)
            party = self._parties.cue_party(parsed, verb, ()) if verb is not None else None
            if party is not None and party.subject and not any(0 < mention.first - k.last <= _CONDITION_WORDS for k in conditions):
                # "Украина никогда не станет членом союза": the one who joins is the issue's beneficiary, no agent.
                for actor in (a for a in party.actors if a is not None and a != unit.actor
                              and a != self._beneficiaries.get(mention.label[1:])):
                    acting.setdefault((party.head, actor), [])
                    if unit.actor not in party.actors:
                        others.add(mention.first)
        out: list[Reading] = []
        for (head, actor), own in acting.items():
            # "…, как хотел Киев, …": an aside of will speaks of the clause it stands in; so does
            # an attributive participle its noun phrase ("предложенный Киевом план перемирия"),
            # which leaves the holder's own reading of that phrase standing.
            governor = tokens[head].head
            aside = governor is not None and (any(c.lemma == "как" for c in parsed.children(head))
                                              or (tokens[head].rel in ("acl", "amod") and tokens[head].feats.get("VerbForm") == "Part"))
            low, high = parsed.subtree(governor if aside and governor is not None else head)
            sub = _Unit(max(unit.first, low), min(unit.last, high + 1), actor)
            for first, reading in self._readings(parsed, sub, [c for c in found if sub.first <= c.first and c.last < sub.last
                                                               and (c in own or c.label not in _POLAR)]):
                out.append(reading)
                if not aside and head not in joined and head not in owners:
                    # What another party's own verb governs is its stance, not the holder's.
                    others.add(first)
        held = self._readings(parsed, unit, cues, frozenset(others))
        return [r for _, r in held] + out + self._shared(parsed, unit, held)

    def _shared(self, parsed: Parsed, unit: _Unit, own: list[tuple[int, Reading]]) -> list[Reading]:
        """The holder's readings for the parties it shares a subject with ("Россия и Китай считают, что …").

        A holder coordinated with another party as the subject of one predicate speaks for
        both: each conjunct holds what that predicate governs.
        """
        out: list[Reading] = []
        for token in parsed.tokens[unit.first:unit.last]:
            if token.rel not in _SUBJECT or token.head is None or self._parties.actor_at(parsed, token.index) != unit.actor:
                continue
            low, high = parsed.subtree(token.head)
            partners = {a for c in parsed.children(token.index) if c.rel == "conj"
                        and (a := self._parties.actor_at(parsed, c.index)) not in (None, unit.actor)}
            out += [replace(r, actor=actor) for actor in sorted(partners) for first, r in own if low <= first <= high]
        return out

    def _readings(self, parsed: Parsed, unit: _Unit, cues: list[Match],
                  others: frozenset[int] = frozenset()) -> list[tuple[int, Reading]]:
        """The readings of a unit's issue mentions (not those starting at ``others``), each with its mention's first token."""
        claims = [c for c in cues if c.label == "security_claim"]
        mentions = [m for m in self._mentions(parsed, unit) if not any(c.first <= m.first <= c.last for c in claims)
                    and m.first not in others]
        # A term in a condition on another ("перемирие в обмен на гарантии") is no mere qualifier of it.
        mentions = [m for m in mentions if not self._modifies(parsed, m, mentions) or any(
            c.label == "condition" and 0 < m.first - c.last <= _CUE_REACH for c in cues)]
        carried = self._carried(parsed, unit)
        mentions += [m for m in carried if not any(k.first <= m.last and m.first <= k.last for k in mentions)]
        out: list[tuple[int, Reading]] = []
        for mention in mentions:
            reading = self._stance(parsed, unit, mention, cues)
            if reading is not None:
                out.append((mention.first, replace(reading, weak=True) if mention in carried else reading))
        return out

    def _carried(self, parsed: Parsed, unit: _Unit) -> list[Match]:
        """Noun phrases that carry an issue named shortly before ("… ввод войск. Москва не согласна с такой идеей").

        Each takes the issue of the last term in its sentence or the ones just before it; its
        reading is weak (it counts only where nothing else gives the actor's stance on the issue).
        """
        tokens = parsed.tokens
        out: list[Match] = []
        for anaphor in self._anaphors.find(tokens, unit.first, unit.last):
            sentence = max(0, tokens[anaphor.first].sentence - _ANAPHOR_SENTENCES)
            before = self._issues.find(tokens, parsed.sentences[sentence].first, anaphor.first)
            if before:
                out.append(replace(anaphor, label=before[-1].label))
        return out

    def _topic_of(self, parsed: Parsed, mention: Match) -> tuple[int, int] | None:
        """The noun phrase a term is only the topic of ("разговоры о членстве …"): its token range."""
        token = parsed.tokens[mention.first]
        if token.head is None or parsed.tokens[token.head].lemma not in self.stance.topic_nouns:
            return None
        if not any(c.lemma in ("о", "об", "про") for c in parsed.children(token.index)):
            return None
        return parsed.subtree(token.head)

    def _mentions(self, parsed: Parsed, unit: _Unit) -> list[Match]:
        """The unit's issue terms, its holder's own-side terms read as the holder's issue."""
        tokens = parsed.tokens
        found = [m for match in self._issues.find(tokens, unit.first, unit.last, coordinated=True)
                 for m in self._parties.for_whom(parsed, match, unit.first, unit.last)]
        owner = self._owners.get(unit.actor or "")
        for own in self._own.find(tokens, unit.first, unit.last):
            # The own term replaces the generic term inside it, even for a holder no issue benefits.
            found = [m for m in found if not (own.first <= m.last and m.first <= own.last)]
            if owner is not None:
                found.append(replace(own, label=f"+{owner}"))
        return sorted(found, key=lambda m: m.first)

    def _modifies(self, parsed: Parsed, mention: Match, mentions: list[Match]) -> bool:
        """A term that only qualifies another ("прекращение огня в Донбассе"): its syntactic head is there."""
        token = parsed.tokens[mention.first]
        for _ in range(_MODIFIER_HOPS):
            # "военное присутствие и членство в союзе": a coordinated term is a term of its own.
            if token.head is None or token.rel == "conj":
                return False
            token = parsed.tokens[token.head]
            if mention.first <= token.index <= mention.last:
                continue
            if any(m is not mention and m.first <= token.index <= m.last for m in mentions):
                return True
        return False

    def _clause(self, unit: _Unit, mention: Match, cues: list[Match]) -> tuple[int, int]:
        """The clause around a mention: between the boundary words of the unit."""
        first, last = unit.first, unit.last
        for cue in cues:
            if cue.label == "boundaries":
                if cue.last < mention.first:
                    first = max(first, cue.last + 1)
                elif cue.first > mention.last:
                    last = min(last, cue.first)
        return first, last

    def _stance(self, parsed: Parsed, unit: _Unit, mention: Match, cues: list[Match]) -> Reading | None:
        """The reading of one issue mention within its clause (None: no stance there)."""
        tokens = parsed.tokens
        first, last = self._clause(unit, mention, cues)
        inside = [c for c in cues if first <= c.first and c.last < last and not mention.first <= c.first <= mention.last]
        topic = self._topic_of(parsed, mention)
        if topic is not None:
            # "Разговоры о членстве нужны Западу": what is said of the talk is not said of the issue.
            inside = [c for c in inside if topic[0] <= c.first and c.last <= topic[1]]
        issue, inverse = mention.label[1:], mention.label[0] == "-"
        stance: Stance | None
        condition: str | None = None
        cut = next((c for c in inside if c.label == "condition" and c.first > mention.last), None) or next(
            (c for c in inside if c.label == "requirement" and c.last < mention.first), None)
        # "только после перемирия" names when, not what the holder asks: the term takes no stance.
        asked = next((c for c in inside if c.label == "condition" and 0 < mention.first - c.last <= _CONDITION_WORDS), None)
        if asked is not None and any(t.lemma in self.stance.occasions for t in tokens[asked.first:asked.last + 1]):
            return None
        held = self._condition_of(parsed, mention, first, last)
        if asked is not None and any(self._refused(tokens, m, inside, asked, m.label[0] == "-")
                                     for m in self._issues.find(tokens, first, asked.first)):
            # The price named for a thing refused ("не отдаст регион в обмен на перемирие")
            # is no demand of the one refusing.
            return None
        if asked is not None:
            # A term inside a condition the holder sets ("только на основе гарантий России") is
            # what the holder asks for, as the condition words it ("только если сосед откажется от …").
            # "если не получит гарантий" (unless it gets them) asks for them all the same.
            stance = self._polarity(tokens, mention, [c for c in inside if asked.last < c.first < mention.first
                                                      and not (c.label == "negation" and c.first == asked.last + 1)]) or "support"
            if inverse:
                stance = _TURN.get(stance, stance)
        elif held is not None:
            stance, condition = "conditional", held
        elif cut is not None and self._refused(tokens, mention, inside, cut, inverse):
            # "Киев не отдаст регион в обмен на перемирие": refusing a thing on a price
            # still refuses it ("если не" / "пока не" would make it an acceptance on terms).
            stance = "oppose"
        elif cut is not None:
            stance = "conditional"
            stop = min(cut.first + _CONDITION_WORDS, last) - 1
            condition = parsed.text[tokens[cut.first].start:tokens[max(stop, cut.first)].end].rstrip(" .,;:!?")
        else:
            stance = self._polarity(tokens, mention, inside)
            if stance is not None and inverse:
                stance = _TURN.get(stance, stance)
        if stance is None:
            return None
        start, end = tokens[first].start, tokens[last - 1].end
        return Reading(
            actor=unit.actor or "", issue=issue, stance=stance, start=start, end=end, condition=condition,
            statement_index=unit.statement_index, speaker=unit.speaker, sentence=tokens[mention.first].sentence,
            threat=any(c.label == "threat" for c in inside),
            security_claim=any(c.label == "security_claim" for c in cues if first <= c.first < last),
        )

    def _refused(self, tokens: tuple[Token, ...], mention: Match, inside: list[Match], cut: Match,
                 inverse: bool) -> bool:
        """Whether the holder refuses the mention itself, before a condition that does not
        turn the refusal round (a "не" right after the condition's word would)."""
        if cut.first < mention.first or (cut.last + 1 < len(tokens) and tokens[cut.last + 1].lemma == "не"):
            return False
        # A refusal in words ("не отдаст", "не согласится"), not an offer to give a thing up
        # on a price ("готова отказаться от членства в обмен на гарантии" is conditional).
        before = [c for c in inside if c.last < cut.first]
        if not any(c.label == "negation" and 0 < mention.first - c.last <= _NEGATION_REACH + 1 for c in before):
            return False
        own = self._polarity(tokens, mention, before)
        return (_TURN.get(own, own) if inverse and own is not None else own) == "oppose"

    def _condition_of(self, parsed: Parsed, mention: Match, first: int, last: int) -> str | None:
        """What a term is conditional on when a condition noun governs it ("условием перемирия является …")."""
        tokens = parsed.tokens
        head = tokens[mention.first].head
        if head is None or tokens[head].lemma not in self.stance.condition_nouns or not first <= head < last:
            return None
        rest = [t for t in tokens[first:last] if not (mention.first <= t.index <= mention.last or t.index == head)
                and t.pos not in ("PUNCT", "ADP") and t.index > min(head, mention.first)]
        return " ".join(t.text for t in rest[:_CONDITION_WORDS]) or None

    def _polarity(self, tokens: tuple[Token, ...], mention: Match, cues: list[Match]) -> Stance | None:
        """The nearest stance cue's direction, turned by a negation just before it."""
        if any(c.label == "alternative" and 0 < mention.first - c.last <= _ALTERNATIVE_REACH for c in cues):
            return "support"
        polar = [c for c in cues if c.label in _POLAR
                 and (mention.first - _BEFORE <= c.first < mention.first or mention.last < c.first <= mention.last + _AFTER)]
        polar = polar or _predicated(tokens, mention, [c for c in cues if c.label in _POLAR])
        if not polar:
            # "Страна никогда не станет членом союза": a negated verb of the term itself says no.
            negated = any(c.label == "negation" and mention.first - c.last == 1 for c in cues)
            return "oppose" if negated and tokens[mention.first].pos in ("VERB", "AUX") else None
        # "не возражает против …" is open to it: a neutral phrase before the term outweighs a nearer cue.
        cue = next((c for c in polar if c.label == "neutral" and c.first < mention.first), None) or min(
            polar, key=lambda c: (min(abs(c.first - mention.first), abs(c.first - mention.last)), c.label != "neutral"))
        if cue.label == "security_claim":
            return "support"
        if cue.label == "neutral":
            return "neutral"
        stance: Stance = "oppose" if cue.label in ("oppose", "threat") else "support"
        negated = any(c.label == "negation" and cue.first - _NEGATION_REACH <= c.first < cue.first for c in cues)
        # "хочет не перемирия, а мира": a negation between the cue and the term denies the term.
        denied = cue.last < mention.first and any(c.label == "negation" and mention.first - c.last == 1 and c.first > cue.last
                                                  for c in cues)
        return _TURN[stance] if negated != denied and cue.label != "threat" else stance


def _uncovered(cues: list[Match]) -> list[Match]:
    """Cues less the condition words a polar phrase holds: in "договоренности не соответствуют
    нынешним реалиям" the standard is denied, so the phrase opposes and sets no condition."""
    polar = [c for c in cues if c.label in _POLAR]
    return [c for c in cues if c.label not in ("condition", "requirement")
            or not any(p.first <= c.first and c.last <= p.last for p in polar)]


def _predicated(tokens: tuple[Token, ...], mention: Match, cues: list[Match]) -> list[Match]:
    """Cues in the predicate of a term that is its subject, however long the subject runs:
    "гарантии, о которых давно просят соседи, носят неприемлемый характер" (the cue hangs on
    "носят", or one word below it)."""
    span = range(mention.first, mention.last + 1)
    head = next((t for t in tokens[mention.first:mention.last + 1] if t.head not in span), None)
    # A term inside the subject's noun phrase ("идея размещения контингентов стран Запада
    # неприемлема") is read by the subject's predicate too.
    for _ in range(_NOUN_CHAIN):
        if head is None or head.rel != "nmod" or head.head is None or tokens[head.head].pos not in ("NOUN", "PROPN"):
            break
        head = tokens[head.head]
    if head is None or head.rel not in _SUBJECT or head.head is None:
        return []
    predicate = head.head
    sentence = [t for t in tokens[max(0, predicate - _SENTENCE_REACH):predicate + _SENTENCE_REACH] if t.sentence == head.sentence]
    if sum(t.head == predicate and t.rel in _SUBJECT for t in sentence) > 1:
        return []  # two subjects on one predicate: a parse too broken to trust

    def linked(k: int) -> bool:
        # A clause hanging on the predicate ("…, как хотел сосед, …") is no part of it.
        if k == predicate:
            return True
        if tokens[k].rel in _CLAUSES:
            return False
        up = tokens[k].head
        return up == predicate or (up is not None and up != head.index and tokens[up].head == predicate)

    return [c for c in cues if not mention.first <= c.first <= mention.last and any(linked(k) for k in range(c.first, c.last + 1))]
