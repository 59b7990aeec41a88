"""Holders: which actor an article's own reporting gives a stance to.

In text that no actor's statement covers ("Moscow insists on ...", "Russia is not against
...", "officials said the G7 will pave the way for ..."), the holder is an agent: an actor
named as a name, body, person or pronoun, not inside an issue mention, not the
beneficiary of one, and not the object of a preposition ("talks with Kyiv"). A document
as subject ("the draft would have Ukraine ...") is an agent for the actor last said to have
written it ("drafted by Washington", "the American draft").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from redline.position.en.actors import JOINED_PARTICIPLES, ActorIndex, ActorMention
from redline.position.en.issues import IssueMention
from redline.position.pack import Pack
from redline.position.en.stance import Cue, CueReader, is_polar
from redline.position.en.syntax import Syntax
from redline.position.en.text import phrase_regex, words_between

_REPORTING_REACH = 3
_ACTING_REACH = 3
# Words between a party named inside a statement and its own verb of will ("Kyiv now demands").
_WILL_REACH = 1
# Words between a possessive (with the modifiers that rank what it owns) and the cue noun
# it owns ("the Kremlin's refusal"); one would let "Ukraine's allies agreed" give Ukraine
# the allies' stance.
_POSSESSIVE_REACH = 0
# Words between a party's adjective and the cue its noun phrase carries ("European leaders warned").
_MODIFIER_OWNER_REACH = 1
# A possessive ending and the modifiers that rank what it owns: "Kyiv's key demand",
# "Oslo's latest offer", "the guild's long-standing call".
_RANKED = re.compile(r"['’]s?(?!\w)(?:\s+(?:key|main|chief|central|principal|core|top|first|latest|new|"
                     r"long-standing|longstanding|repeated|initial|original|final|earlier|previous|"
                     r"own|stated|declared|maximalist|basic|fundamental))*", re.I)
# Words between a party's adjective and the mention it modifies ("US 30-day ceasefire").
_MODIFIER_REACH = 2
# An article or quantifier before the second of two joined parties ("the US and several
# European countries", "France and other European states").
_ARTICLE = re.compile(r"\s+(?:the|several|some|many|most|other|various|numerous|a number of|a few)$", re.IGNORECASE)
# A conjunction word, not a bare comma: ", the Kremlin said" after "in NATO" is a new clause.
_CONJUNCTION = re.compile(r"\s*,?\s*(?:and|or|nor)\s+(?:the\s+)?", re.IGNORECASE)
# A party that leads the group named after it ("a French-led force", "the UK/French-led
# coalition"): the group's stance is the leader's.
_LED = re.compile(r"(?:\s*/\s*[\w'’.]+)*-led(?![\w-])", re.IGNORECASE)
# A comma and a conjunction: what follows is a clause of its own, with its own subject.
_CLAUSE_JOIN = re.compile(r",\s*(?:and|while|whereas)\s", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;:—–]")
# How far before a segment a party can open the relative clause the segment continues.
_RELATIVE_REACH = 80
# A subject relative clause opening right after a party: "Moscow, which has rejected ...".
_SUBJECT_RELATIVE = re.compile(r"\s*,\s*(?:which|who)\s+")
# A clause of its own opening before a party: after a colon or dash, or after a clause
# joined by "and" ("A demands X and B wants Y": B wants Y).
# What opens a clause of its own inside a statement: "…: Kyiv wants", "… and Kyiv wants",
# a second reported clause "… and that Kyiv wants".
_CLAUSE_OPEN = re.compile(r"(?:[:;—–]|\sand|\sbut|\swhile|\swhereas)(?:\s+that)?\s*(?:the\s+)?$", re.IGNORECASE)
_HEDGE_REACH = 2
# Characters before a subject searched for what opens its clause (" and that the ").
_OPEN_WINDOW = 16
# A document's subject relative clause up to a mention: ", which calls for", ", which also sets out".
_DOCUMENT_RELATIVE = re.compile(r"\s*,\s*(?:which|that)\s+(?:[\w'’-]+\s+){1,4}")
_GROUP_REACH = 3
# An authoring participle joined to its author's name ("the Oslo-brokered truce").
_JOINED_AUTHORING = re.compile(rf"-(?:{JOINED_PARTICIPLES})(?= )")
_AUTHOR_REACH = 3
# Words between a presenter and its verb ("the envoy has now unveiled a plan").
_PRESENTER_REACH = 2
# What joins two presenters: a conjunction, then the next one's capitalised titles
# ("Pashinyan and Azerbaijani President Aliyev signed").
_JOINED_PRESENTER = re.compile(r"\s*(?:,|,?\s*and|&)\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+)*")
_LAST_WORD = re.compile(r"([\w'’]+)[^\w]*$")
# Capitalised title words between an adjective or name and a person of the same actor
# ("French President Emmanuel Macron"): one agent, not two.
_TITLE = re.compile(r"(?:\s+(?:[A-Z][\w'’.-]*|of|the|for))*\s+")


class _Named(Protocol):
    """A party named at a span: an actor mention or an agent."""

    @property
    def actor(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


@dataclass(frozen=True)
class Agent:
    """An actor named where it could be the subject of a stance."""

    actor: str
    start: int
    end: int
    possessive: bool = False
    person: bool = False
    attached: bool = False
    passive: bool = False
    adjective: bool = False
    source: bool = False
    pronoun: bool = False


@dataclass
class Memory:
    """What earlier sentences tell later ones: the last person, party and author named."""

    person: str | None = None
    group: str | None = None
    # A document's authors: a joint text ("signed by A, B and C") speaks for each.
    authors: tuple[str, ...] = ()
    # The sentence whose main subject is ``person``: later persons there do not replace it.
    subject_sentence: int | None = None


@dataclass(frozen=True)
class Holder:
    """A stance holder for a mention and where its scope of cues begins."""

    actor: str
    scope: int
    # The subject of a clause of its own: cues before it belong to another clause.
    own_clause: bool = False


class HolderFinder:
    """Agents, reporting holders and hedges in the article's own reporting."""

    def __init__(self, pack: Pack, actors: ActorIndex, cues: CueReader) -> None:
        self._actors = actors
        self._cues = cues
        # Prepositions and verbs that take an actor as their object ("talks with Kyiv",
        # "forcing Ukraine to give up land"): an actor right after one holds no stance.
        self._blockers = phrase_regex([*pack.cues.blockers, *pack.cues.object_verbs])
        self._prepositions = phrase_regex(pack.cues.blockers)
        self._pronouns = set(pack.roles.person_pronouns)
        self._pronoun = re.compile(
            r"(?<![\w-])(?:" + "|".join(re.escape(p) for p in sorted(self._pronouns)) + r")(?![\w-])"
        ) if self._pronouns else None
        self._group = phrase_regex((re.escape(p) for p in pack.roles.group_pronouns), flags=0)
        self._passive = phrase_regex(pack.roles.passive_pronoun)
        self._relatives = phrase_regex(pack.cues.relative)
        self._by = phrase_regex(pack.cues.passive_agent)
        self._joins = phrase_regex(pack.cues.coordination)
        self._documents = phrase_regex(pack.cues.documents)
        self._mandative = frozenset(w.lower() for w in pack.cues.mandative)
        self._authoring = phrase_regex(pack.cues.authoring)
        self._presenting = phrase_regex(pack.cues.presenting)
        self._subordinators = phrase_regex(pack.cues.subordinate)
        # A subordinate clause opening after a comma, right before its subject (", as the ").
        self._clause_leads = re.compile(
            r"[,;—–]\s*(?:" + "|".join(pack.cues.subordinate) + r")\s+(?:the\s+)?$", re.IGNORECASE
        ) if pack.cues.subordinate else None
        self._according = re.compile(
            "(?:" + "|".join(pack.cues.according) + r")\s+(?:the\s+)?$", re.IGNORECASE
        ) if pack.cues.according else None

    def agents(self, text: str, start: int, end: int, mentions: Sequence[IssueMention],
               memory: Memory, syntax: Syntax | None = None) -> list[Agent]:
        """Agents in ``text[start:end]`` in order, pronouns and documents resolved through ``memory``.

        A document's author named here is kept in ``memory`` for the sentences after it.
        An actor after an object verb is still an agent when the parse makes it the
        subject of a clause of its own ("warns Moscow wants X").
        """
        syntax = syntax or Syntax()
        spans = [(m.start, m.end) for m in mentions]
        attached = {s for m in mentions for s in m.attached_spans}
        out: list[Agent] = []
        previous: tuple[int, bool, bool] | None = None
        for m in _titled(text, self._actors.mentions(text, start, end)):
            inside = any(s <= m.start and m.end <= e for s, e in spans)
            before = self._word_before(text, m.start)
            passive = bool(self._by and self._by.fullmatch(before))
            source = self._source(text, m.start)
            blocked = not (passive or source) and bool(self._blockers and self._blockers.fullmatch(before)) \
                and not syntax.subject_of_clause(m.start, m.end)
            # A conjunct shares its first member's role: "talks between Moscow and Kyiv",
            # "a truce put forward by Kyiv and Washington".
            conjunct = previous is not None and _CONJUNCTION.fullmatch(text, previous[0], m.start) is not None
            blocked = blocked or (conjunct and previous is not None and previous[1])
            passive = passive or (conjunct and previous is not None and previous[2])
            previous = (m.end, blocked, passive)
            # "one of Kyiv's demands": the preposition takes the noun, the possessive
            # still owns it, and so can own a cue noun (and nothing more).
            owner = blocked and m.possessive and bool(self._prepositions and self._prepositions.fullmatch(before))
            if inside or (blocked and not owner) or text[m.end:m.end + 1] == ":":
                continue
            # A bare adjective ("Danish calls for") can only own the cue noun it modifies.
            bare = m.kind == "adjective" and not self._actors.is_body(text, m.end, end) \
                and not _LED.match(text, m.end)
            is_attached = (m.start, m.end) in attached
            if is_attached and not m.possessive:
                continue
            # "Ukraine's allies agreed": a possessive is the subject only with a body
            # ("Russia's foreign ministry"); otherwise it can only own a cue noun.
            bare = bare or owner or (m.possessive and not self._actors.is_body(text, m.end, end))
            out.append(Agent(m.actor, m.start, m.end, m.possessive, m.kind == "person", is_attached,
                             passive, bare, source))
        out = _acted_on(out, syntax)
        self._presented(text, start, end, out, memory)
        out += self._pronoun_agents(text, start, end, memory)
        out += self._document_agents(text, start, end, memory)
        return sorted(out, key=lambda a: a.start)

    def _joined(self, text: str, end: int, start: int) -> bool:
        """Whether only a coordinating word ("and", ", the") lies between two mentions."""
        between = _ARTICLE.sub("", text[end:start].strip()).strip()
        return self._joins is not None and bool(between) and self._joins.fullmatch(between) is not None

    def _document_agents(self, text: str, start: int, end: int, memory: Memory) -> list[Agent]:
        """Documents as subjects ("the draft would ..."), resolved to their last author."""
        if self._documents is None:
            return []
        out: list[Agent] = []
        for match in self._documents.finditer(text, start, end):
            memory.authors = self._authors(text, match.start(), match.end(), end) or memory.authors
            if not self._blocked(text, match.start()):
                out += [Agent(author, match.start(), match.end()) for author in memory.authors]
        return out

    def _presented(self, text: str, start: int, end: int, agents: Sequence[Agent], memory: Memory) -> None:
        """Keep as the document's author the party right before a presenting verb ("the envoy
        unveiled a plan"), so that "the plan" in the sentences after it is that party's."""
        if self._presenting is None:
            return
        for match in self._presenting.finditer(text, start, end):
            before = [a for a in agents if a.end <= match.start() and not a.adjective]
            if before and words_between(text, before[-1].end, match.start()) <= _PRESENTER_REACH:
                # "A's premier and B's president signed the accord": each one joined to the last.
                joined = [before[-1]]
                for agent in reversed(before[:-1]):
                    if not _JOINED_PRESENTER.fullmatch(text, agent.end, joined[0].start):
                        break
                    joined.insert(0, agent)
                memory.authors = tuple(dict.fromkeys(a.actor for a in joined))

    def _authors(self, text: str, start: int, end: int, stop: int) -> tuple[str, ...]:
        """The actors a document phrase names as its authors: its possessives or adjectives
        ("the Franco-Saudi plan", "the US-Russia plan"), or the parties named after an authoring phrase, each of
        a list ("the declaration signed by A, B and C")."""
        # A name joined to the next by a hyphen or slash modifies the document as an
        # adjective does ("the US-Russia plan", "the EU/US draft").
        inside = [m for m in self._actors.mentions(text, start, end)
                  if m.possessive or m.kind == "adjective" or text[m.end:m.end + 1] in ("-", "/")
                  or (m.start > start and text[m.start - 1] in ("-", "/"))]
        if inside:
            return tuple(dict.fromkeys(m.actor for m in inside))
        if self._authoring is None:
            return ()
        by = self._authoring.search(text, end, stop)
        if by is None or words_between(text, end, by.start()) > _AUTHOR_REACH:
            return ()
        after = self._actors.mentions(text, by.end(), stop)
        if not after or words_between(text, by.end(), after[0].start) > _AUTHOR_REACH:
            return ()
        return self._listed(text, after)

    def _listed(self, text: str, named: Sequence[_Named]) -> tuple[str, ...]:
        """The actors of a list opening with ``named[0]`` ("A, B and C"), each joined to the one before."""
        listed = [named[0]]
        for item in named[1:]:
            if not self._joined(text, listed[-1].end, item.start):
                break
            listed.append(item)
        return tuple(dict.fromkeys(m.actor for m in listed))

    def _pronoun_agents(self, text: str, start: int, end: int, memory: Memory) -> list[Agent]:
        """Person pronouns and passive "it was proposed" resolved to earlier agents."""
        out: list[Agent] = []
        if self._pronoun is not None and memory.person is not None:
            for match in self._pronoun.finditer(text, start, end):
                if not self._blocked(text, match.start()):
                    out.append(Agent(memory.person, match.start(), match.end(), person=True, pronoun=True))
        if self._passive is not None and memory.group is not None:
            for match in self._passive.finditer(text, start, end):
                pronoun = match.group(0).split()[0]
                out.append(Agent(memory.group, match.start(), match.start() + len(pronoun)))
        if self._group is not None and memory.group is not None:
            out += [Agent(memory.group, m.start(), m.end(), pronoun=True) for m in self._group.finditer(text, start, end)
                    if self._takes_stance(text, m.start(), m.end(), end)]
        return out

    def _takes_stance(self, text: str, start: int, end: int, stop: int) -> bool:
        """Whether a group pronoun is the subject of a stance or reporting verb ("it rejects").

        "It is unclear" and "it would be a mistake" are about a thing, not a party, and
        are read as anaphora; after a preposition the pronoun is an object.
        """
        if self._blocked(text, start) or any(c.start == start for c in self._cues.find("anaphora", text, start, stop)):
            return False
        cues = [c for c in self._cues.polar(text, end, stop) if is_polar(c) or c.kind == "negation"]
        cues += self._cues.find("reporting", text, end, stop)
        return any(words_between(text, end, c.start) <= _GROUP_REACH for c in cues)

    def _blocked(self, text: str, start: int) -> bool:
        """Whether the word before ``start`` is a preposition that makes it an object."""
        return bool(self._blockers and self._blockers.fullmatch(self._word_before(text, start)))

    def _source(self, text: str, start: int) -> bool:
        """Whether an actor is named as a source ("according to the Kremlin, ...")."""
        return self._according is not None and bool(self._according.search(text, max(0, start - 40), start))

    @staticmethod
    def _word_before(text: str, start: int) -> str:
        """The word before ``start``, lower-cased ("" at the start of the text or of a clause).

        A comma, colon or dash after it ends its phrase: in "talks went on, Paris said"
        "on" governs nothing after the comma.
        """
        match = _LAST_WORD.search(text, max(0, start - 30), start)
        if match is None or _CLAUSE_BREAK.search(text, match.end(1), start):
            return ""
        return match.group(1).lower()

    def reporting(self, text: str, agents: Sequence[Agent], end: int) -> list[tuple[Agent, int]]:
        """Agents followed by a reporting verb, with the offset where their content begins."""
        out = []
        for agent in (a for a in agents if not (a.attached or a.passive or a.adjective)):
            if agent.source:
                out.append((agent, agent.end))
                continue
            for cue in self._cues.find("reporting", text, agent.end, end):
                if words_between(text, agent.end, cue.start) <= _REPORTING_REACH:
                    out.append((agent, cue.end))
                break
        return out

    def hedged(self, text: str, agent: Agent, segment_start: int) -> bool:
        """Whether the agent's stance is only a guess ("Russia may demand", "perhaps")."""
        for cue in self._cues.find("hedge", text, segment_start, agent.end + 40):
            if cue.end <= agent.start or words_between(text, agent.end, cue.start) <= _HEDGE_REACH:
                return True
        return False

    def holders(self, text: str, agents: Sequence[Agent], reporting: Sequence[tuple[Agent, int]],
                span: tuple[int, int], segment: tuple[int, int], cues: Sequence[Cue],
                carried: Holder | None, authors: Sequence[str] = ()) -> list[Holder]:
        """Holders of the stance on a mention at ``span`` within ``segment``.

        ``authors`` are those of the document the article last named: an obligation laid
        on a party with no one to say it ("Kyiv would have to renounce the bid") is theirs.
        """
        position = span[0]
        relative = self._relative_subject(text, segment[0], position)
        if relative is not None:
            return [Holder(relative.actor, relative.end, own_clause=True)]
        nearby = [a for a in agents if segment[0] <= a.start and a.end <= position and not a.passive]
        owners = self._owners(text, nearby, cues, span)
        subject = self.clause_subject(text, agents, segment[0], position)
        if subject is not None:
            # "Moscow rejected Kyiv's demand for X": the subject's clause, and Kyiv's demand.
            return with_owners([replace(h, own_clause=True) for h in self.with_coordinated(text, agents, subject)],
                               [a for a in owners if a.possessive])
        found: list[Holder] = []
        before = [(a, s) for a, s in reporting if s <= position]
        in_segment = [a for a in nearby if not a.attached and not a.adjective]
        # "As talks on Ukraine went on, Britain and France signed ...": the main clause's
        # subject holds the stance, not a party named in a leading subordinate clause.
        opening = self._subordinate(text, segment[0], position)
        in_segment = [a for a in in_segment if a.start >= opening] or in_segment
        after = [(a, s) for a, s in reporting if a.start >= position]
        lead: Agent | None = None
        main: Holder | None = None
        acting = self.acting(text, agents, cues, position, before[0][1]) if before else None
        if acting is not None and not acting.pronoun:
            # "The mayor said Oslo wants X": the party with the verb of will holds X.
            lead = acting
            main = Holder(acting.actor, acting.end)
        elif before:
            lead = before[0][0]
            main = Holder(lead.actor, before[0][1])
        elif in_segment and after and self._obliged(text, in_segment[0], position):
            # "Kyiv must give up the bid, Moscow said": the demand is the reporter's.
            main = Holder(after[0][0].actor, segment[0])
        elif in_segment and self._obliged(text, in_segment[0], position):
            # A party under an obligation in the article's own account of a plan ("Kyiv
            # will have to agree to X") does not hold X: the plan's authors ask it of it.
            found += [Holder(author, segment[0]) for author in authors if author != in_segment[0].actor]
        elif in_segment:
            lead = in_segment[0]
            main = None if self.hedged(text, lead, segment[0]) else Holder(lead.actor, lead.end)
        elif carried is not None:
            main = Holder(carried.actor, segment[0])
        elif after:
            main = Holder(after[0][0].actor, segment[0])
        if main is not None:
            found.append(main)
            if lead is not None:
                found += [replace(h, scope=main.scope) for h in self._coordinated(text, agents, lead)]
        if lead is not None and any(_CLAUSE_JOIN.search(text, lead.end, a.start) for a in owners):
            # "A wants a deal, and one of B's priorities is X": a new clause, B's own.
            found = []
        found += [Holder(agent.actor, agent.end) for agent in owners]
        found += self.relative(text, agents, span[1], segment[1])
        unique: list[Holder] = []
        for holder in found:
            if all(holder.actor != h.actor for h in unique):
                unique.append(holder)
        return unique

    def _relative_subject(self, text: str, segment_start: int, position: int) -> ActorMention | None:
        """The party a subject relative clause around ``position`` is about.

        "Kyiv accused Moscow, which has rejected calls for a truce, of stalling": the
        clause "which has rejected ..." is Moscow's own, even where Moscow is an object.
        """
        before = [m for m in self._actors.mentions(text, max(0, segment_start - _RELATIVE_REACH), position)
                  if m.end <= position]
        if not before or before[-1].kind == "adjective" or before[-1].possessive:
            return None
        match = _SUBJECT_RELATIVE.match(text, before[-1].end, position)
        if match is None or _CLAUSE_BREAK.search(text, match.end(), position):
            return None
        return before[-1]

    def clause_subject(self, text: str, agents: Sequence[Agent], start: int, position: int) -> Agent | None:
        """The subject of a subordinate clause that opens after a comma before a mention.

        "Moscow opposes troops, as Britain and France have signalled they are open to
        sending peacekeepers": the peacekeepers are Britain's and France's, not Moscow's. An
        aside that only names a source ("..., as Moscow said") is no clause of its own.
        """
        if self._clause_leads is None:
            return None
        for agent in reversed(agents):
            if not (start <= agent.start and agent.end <= position) or agent.attached or agent.passive \
                    or agent.adjective or agent.possessive or agent.source:
                continue
            if self._clause_leads.search(text, max(start, agent.start - 24), agent.start) is None:
                continue
            tail = self._tail(text, agents, agent)
            said = any(words_between(text, tail, c.start) <= _HEDGE_REACH
                       for c in self._cues.find("reporting", text, tail, position))
            return None if said else agent
        return None

    def _obliged(self, text: str, agent: Agent, position: int) -> bool:
        """Whether an obligation follows the agent closely ("Kyiv must ...", "Kyiv has to ...")."""
        return any(words_between(text, agent.end, o.start) <= _WILL_REACH
                   for o in self._cues.find("obligation", text, agent.end, position))

    def _subordinate(self, text: str, start: int, position: int) -> int:
        """Where the main clause begins after a leading subordinate clause ("As ..., "), else ``start``."""
        if self._subordinators is None:
            return start
        stretch = text[start:position]
        opening = self._subordinators.match(text, start + len(stretch) - len(stretch.lstrip(" \"“‘'")))
        comma = text.find(",", start, position)
        return comma + 1 if opening is not None and comma > 0 else start

    def acting(self, text: str, agents: Sequence[Agent], cues: Sequence[Cue], position: int,
               start: int, syntax: Syntax | None = None) -> Agent | None:
        """The agent of a clause with a stance verb of its own inside a statement.

        Either the agent opening it ("Moscow insists on", "Britain and France back") or
        the last agent before the mention, opening a clause after a colon or dash, with a
        verb of will right after it ("the two differ: Kyiv demands a truce"). An
        obligation ("Kyiv must give up X") is the speaker's demand on that party, not the
        party's stance, and so is a bare verb of demand ("insists that Kyiv give up X").
        """
        own = [a for a in agents if start <= a.start and a.end <= position
               and not (a.attached or a.passive or a.adjective or a.possessive)]
        if not own:
            return None
        obligations = self._cues.find("obligation", text, start, position)
        if syntax is not None:
            obligations += [Cue("obligation", c.start, c.end) for c in cues
                            if start <= c.start < position and syntax.mandative(c.start, c.end, self._mandative)]
        first, last = own[0], own[-1]
        # The nearest clause of its own wins: "Kyiv demands X and Moscow wants Y" gives Y to Moscow.
        opened = self._opening(text, agents, cues, last, start, position, obligations)
        if opened is not None:
            return opened
        if words_between(text, start, first.start) <= _ACTING_REACH - 2 and self._willing(
                text, cues, self._tail(text, agents, first), position, obligations, _ACTING_REACH):
            return first
        return None

    def _opening(self, text: str, agents: Sequence[Agent], cues: Sequence[Cue], last: Agent, start: int,
                 position: int, obligations: Sequence[Cue] = ()) -> Agent | None:
        """``last`` (or the first of the parties joined to it) when it opens a clause of its
        own, after a colon, dash, "and" or "and that", with a verb of will right after it
        ("Kyiv demands X and Moscow wants Y": Moscow wants Y)."""
        # "… and that Britain and France would …": the joined parties are one subject, and
        # the clause opens before the first of them.
        first = last
        earlier = [a for a in agents if start <= a.end <= first.start]
        while earlier and self._joined(text, earlier[-1].end, first.start):
            first = earlier[-1]
            earlier = [a for a in agents if start <= a.end <= first.start]
        if _CLAUSE_OPEN.search(text, max(start, first.start - _OPEN_WINDOW), first.start) and self._willing(
                text, cues, self._tail(text, agents, last), position, obligations, _WILL_REACH):
            return first
        return None

    def _willing(self, text: str, cues: Sequence[Cue], end: int, position: int,
                 obligations: Sequence[Cue], reach: int) -> bool:
        """Whether a polar cue that is no obligation follows ``end`` closely, before the mention."""
        return any(
            is_polar(c) and end <= c.start < position and words_between(text, end, c.start) <= reach
            and not any(end <= o.start < c.end for o in obligations)
            for c in cues
        )

    def _tail(self, text: str, agents: Sequence[Agent], lead: Agent) -> int:
        """Where a leading agent and the agents coordinated with it end ("the UK and France")."""
        return max([lead.end, *(h.scope for h in self._coordinated(text, agents, lead))])

    def partners(self, text: str, start: int, end: int, actor: str, scope: int) -> list[Holder]:
        """Parties coordinated with a speaker of ``actor`` before its statement ("A and B said")."""
        agents = self.agents(text, start, end, [], Memory())
        lead = next((a for a in agents if a.actor == actor and not (a.possessive or a.adjective)), None)
        # "French and German officials said": adjectives joined before one speaker noun.
        lead = lead or next((a for a in agents if a.actor == actor and a.adjective), None)
        if lead is None:
            return []
        return [replace(h, scope=scope) for h in self._coordinated(text, agents, lead) if h.actor != actor]

    def joint(self, speaker: str) -> tuple[str, ...]:
        """The parties a speaker's own name joins ("EAC and SADC summit"), when it names
        more than one."""
        named = self._actors.mentions(speaker)
        if len(named) < 2 or not self._joined(speaker, named[0].end, named[1].start):
            return ()
        return self._listed(speaker, named)

    def with_coordinated(self, text: str, agents: Sequence[Agent], lead: Agent) -> list[Holder]:
        """A leading agent and the agents coordinated with it, as holders."""
        lead_holder = Holder(lead.actor, lead.end)
        return [lead_holder, *(replace(h, scope=lead.end) for h in self._coordinated(text, agents, lead))]

    def _coordinated(self, text: str, agents: Sequence[Agent], lead: Agent) -> list[Holder]:
        """Agents joined to the leading one ("Britain and France say ...") share its stance."""
        out: list[Holder] = []
        # A joint document stands for each of its authors, all at its one span.
        following = [a for a in agents if a.start >= lead.end
                     or (a is not lead and (a.start, a.end) == (lead.start, lead.end))]
        for before, agent in zip([lead, *following], following):
            shared = (agent.start, agent.end) == (before.start, before.end)
            if not (shared or self._joined(text, before.end, agent.start)):
                break
            out.append(Holder(agent.actor, agent.end))
        # "the British and French leaders": the noun's own adjective leads, those before it join.
        return out + [Holder(a.actor, lead.end) for a in self._adjectives_before(text, agents, lead)]

    def authored_by(self, text: str, agents: Sequence[Agent], start: int) -> tuple[str, ...]:
        """The parties an authoring participle at ``start`` names as its agents ("proposed by
        Kyiv and Washington"): the cue is their act, no one else's stance."""
        if _JOINED_AUTHORING.match(text, start):
            # "the Oslo-brokered truce": the names joined to the participle are its authors
            # (a part that names no party, "Franco-led", leaves it no one's).
            word = text.rfind(" ", 0, start) + 1
            return tuple(dict.fromkeys(a.actor for a in agents if word <= a.start and a.end <= start)) or ("",)
        match = self._authoring.match(text, start) if self._authoring is not None else None
        if match is None:
            return ()
        after = [a for a in agents if match.end() < a.start]
        if not after or not after[0].passive or words_between(text, match.end(), after[0].start) > _AUTHOR_REACH:
            return ()
        return self._listed(text, after)

    def document_relative(self, text: str, start: int, opening: int, known: tuple[str, ...]) -> list[Holder]:
        """The authors of a document whose subject relative clause holds ``start``: inside a
        statement, "talks go on over the US plan, which calls for a truce" gives the truce to
        the plan's authors, not to the speaker (``opening``: where the words begin). A
        document naming no party is the one the article last gave authors (``known``)."""
        if self._documents is None:
            return []
        found = [m for m in self._documents.finditer(text, opening, start)
                 if _DOCUMENT_RELATIVE.fullmatch(text, m.end(), start) is not None]
        if not found:
            return []
        match = found[-1]
        # Any party named before the document's noun is its author here ("the US plan").
        inside = self._actors.mentions(text, match.start(), match.end())
        authors = tuple(dict.fromkeys(m.actor for m in inside)) or known
        return [Holder(actor, match.end()) for actor in authors]

    def relative(self, text: str, agents: Sequence[Agent], end: int, segment_end: int,
                 passive_only: bool = False) -> list[Holder]:
        """The agent of a clause right after a mention that judges it.

        "..., which Moscow turned down" (a relative clause) and "... was rejected by
        Washington" (a passive with its agent); the judging cue follows the mention.
        ``passive_only`` keeps the passive agents alone (inside a statement, its authors),
        and a noun in apposition that names the move ("X, an idea Oslo rejects"): a
        speaker who reports another party's verdict on it gives that party the stance.
        """
        for agent in agents:
            if end <= agent.start < segment_end and not (agent.attached or agent.adjective):
                between = text[end:agent.start].strip(" ,—–")
                relative = self._relatives is not None and self._relatives.fullmatch(between) is not None
                if relative and not (passive_only and len(between.split()) < 2):
                    # "an idea Oslo rejects" judges the thing; "guarantees that Europe could
                    # provide" guesses, and "X, which the allies debated, is key" leaves the
                    # judging to the predicate after the aside.
                    judged = any(words_between(text, agent.end, c.start) <= _ACTING_REACH
                                 for c in self._cues.polar(text, agent.end, segment_end) if is_polar(c))
                    return [Holder(agent.actor, agent.end)] if judged and not self.hedged(text, agent, end) else []
                if agent.passive and self._cues.polar(text, end, agent.start):
                    # "terms drafted by Norway and Chile": every joined agent.
                    return [replace(h, scope=end) for h in self.with_coordinated(text, agents, agent)]
                return []
        return []

    def owners(self, text: str, agents: Sequence[Agent], cues: Sequence[Cue], span: tuple[int, int],
               start: int) -> list[Agent]:
        """The parties that own a cue noun of will over a mention by a possessive ("Kyiv's demand
        for X"). "Kyiv's right to X" is what another grants it, and "Kyiv's refusal of X" in
        another's words is mostly what that speaker asks of it: neither is its stance."""
        nearby = [a for a in agents if start <= a.start and a.end <= span[0] and a.possessive and not a.passive]
        return [a for a in nearby if self._governs(text, a, [c for c in cues if c.value == 1], span[0])]

    def _owners(self, text: str, nearby: Sequence[Agent], cues: Sequence[Cue], span: tuple[int, int]) -> list[Agent]:
        """Possessive or adjective parties that own the cue over a mention or the noun heading it,
        with the adjectives coordinated before an owning one."""
        owners = [a for a in nearby if (a.possessive or a.adjective)
                  and (self._governs(text, a, cues, span[0]) or _headed(text, a, cues, span))]
        return owners + [a for owner in owners for a in self._adjectives_before(text, nearby, owner) if a not in owners]

    def _adjectives_before(self, text: str, agents: Sequence[Agent], lead: Agent) -> list[Agent]:
        """Bare adjectives coordinated before an agent: "British" in "the British and French leaders"."""
        out: list[Agent] = []
        after = lead
        for agent in sorted((a for a in agents if a.adjective and a.end <= lead.start), key=lambda a: -a.start):
            if not self._joined(text, agent.end, after.start):
                break
            out.append(agent)
            after = agent
        return out

    def _governs(self, text: str, agent: Agent, cues: Sequence[Cue], position: int) -> bool:
        """Whether a possessive agent owns a cue ("Ukraine's demand", "Kremlin's key demand").

        Between the possessive and the cue noun stand at most a word or two and the
        modifiers that rank a demand ("main", "latest"), not a noun it owns instead
        ("Ukraine's allies agreed" is the allies' act).
        """
        marker = _RANKED.match(text, agent.end) if agent.possessive else None
        start, reach = (marker.end(), _POSSESSIVE_REACH) if marker else (agent.end, _MODIFIER_OWNER_REACH)
        return any(
            is_polar(c) and agent.end <= c.start < position
            and words_between(text, start, c.start) <= reach for c in cues
        )

    def remember(self, agents: Sequence[Agent], memory: Memory, syntax: Syntax | None = None,
                 sentence: int = -1) -> None:
        """Keep the last person and the last party named for later pronouns.

        A person who is the main clause's subject wins over one named after it in the
        same sentence ("Roe said Doe wants X. He added ..." is Roe).
        """
        syntax = syntax or Syntax()
        for agent in (a for a in agents if not (a.passive or a.adjective)):
            if not agent.person:
                memory.group = agent.actor
            elif not agent.pronoun and syntax.main_subject(agent.start, agent.end):
                memory.person, memory.subject_sentence = agent.actor, sentence
            elif memory.subject_sentence != sentence:
                memory.person = agent.actor


def _acted_on(agents: list[Agent], syntax: Syntax) -> list[Agent]:
    """A passive subject with an agent named after it holds no stance; the agent does.

    "Kyiv was barred by Oslo from joining the bloc": Oslo opposes the joining, Kyiv does
    not; "a pledge made to Kyiv by a Danish-led group" likewise. Parties inside the "by"
    phrase ("by a Danish veto") act as its subject.
    """
    phrases = [p for p in (syntax.passive_agent(a.start, a.end) for a in agents if not a.passive) if p]
    if not phrases:
        return agents
    out: list[Agent] = []
    for agent in agents:
        if not agent.passive and syntax.passive_agent(agent.start, agent.end):
            out.append(replace(agent, attached=True))
        elif any(s <= agent.start and agent.end <= e for s, e in phrases):
            out.append(replace(agent, passive=False, adjective=False, attached=False, possessive=False))
        else:
            out.append(agent)
    return out


def with_owners(holders: list[Holder], owners: Sequence[Agent]) -> list[Holder]:
    """The holders and, after them, the owners not among them ("Moscow rejected Kyiv's demand")."""
    return holders + [Holder(a.actor, a.end) for a in owners if all(h.actor != a.actor for h in holders)]


def _headed(text: str, agent: Agent, cues: Sequence[Cue], span: tuple[int, int]) -> bool:
    """Whether a modifier owns the cue noun that heads the mention's noun phrase.

    "the American truce proposal", "Kyiv's 30-day ceasefire offer": the party before the
    mention put forward what the noun after it names.
    """
    return (words_between(text, agent.end, span[0]) <= _MODIFIER_REACH and "," not in text[agent.end:span[0]]
            and any(c.value == 1 and c.start >= span[1] and words_between(text, span[1], c.start) == 0
                    for c in cues))


def _titled(text: str, mentions: list[ActorMention]) -> list[ActorMention]:
    """Mentions with a title chain ("British Prime Minister Keir Starmer") read as one person."""
    out: list[ActorMention] = []
    for mention in mentions:
        last = out[-1] if out else None
        if (last is not None and mention.kind == "person" and last.actor == mention.actor
                and last.kind in ("adjective", "name") and not last.possessive
                and _TITLE.fullmatch(text, last.end, mention.start)):
            out[-1] = replace(mention, start=last.start)
        else:
            out.append(mention)
    return out
