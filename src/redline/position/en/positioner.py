"""The position stage: statements and reporting to (actor, issue, stance) positions.

Each sentence is cut into units: the part an actor's statement covers (its holder is the
statement's actor) and the rest, the article's own reporting (its holder is found among
the agents it names). Each unit is cut into segments at condition and contrast markers;
each issue mention in a segment is read for a stance, and a condition, restriction or
contrast that follows makes it conditional. A segment with a stance cue but no issue
("Ukraine refuses to do so") takes the issues of the last sentences through its anaphor;
a noun phrase naming a move ("Brussels dismissed the offer") does the same, more weakly:
its readings count only where nothing more direct is said.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc

from redline.models import CueSpan, Document, Position, Stance, Statement
from redline.position.en.actors import ActorIndex
from redline.position.en.concepts import ConceptFinder, ConceptMatch, load_nlp
from redline.position.en.flags import Flagger
from redline.position.en.frames import TimeFrames
from redline.position.en.holders import Agent, Holder, HolderFinder, Memory, with_owners
from redline.position.en.issues import IssueDetector, IssueMention
from redline.position.merge import Reading, merge, with_groups
from redline.position.pack import Pack
from redline.position.en.stance import Cue, CueReader, Clause, governing, read, stance_of
from redline.position.en.syntax import Syntax, parse_lines
from redline.position.en.text import phrase_regex, sentences, words_between

_CUE_REACH = 3
# Pronouns by which a party's statement names the party itself ("said it would sign").
_SPEAKER_PRONOUN = re.compile(r"\b(?:[Ii]t|[Tt]hey|[Ww]e|I)\b")
# What stands between a passive subject and its cue: "a truce was first proposed by Oslo",
# "the plan has been rejected by Bern", "the truce, first floated by Quito, was welcomed by
# Oslo". The cue after such a content is its verb, with the "by" of its agent.
_PASSIVE_GAP = re.compile(r",?\s+(?:(?:has|have|had|will|would|may|might|could) )?(?:be|been|is|are|was|were|being)"
                          r"(?: (?:\w+ly|first|already|also|now|then|later|since|just|not|never|again))?\s+")
_BY = re.compile(r" by\b")
_ANAPHORA_SENTENCES = 2
_CONDITION_WORDS = 12
# Words between a deal's frame ("as part of") and the end of the deal's mention ("any peace deal").
_FRAME_REACH = 4
# The comma opening an aside, after at most a short tail of the mention ("troops in Ukraine,").
_ASIDE_OPEN = re.compile(r"(?:\s+[\w'’-]+){0,3}?\s*,\s*")
# Words between a refusal ("no") and the refused thing a precondition holds back ("no
# lasting truce before ...").
_REFUSAL_REACH = 3
# A negation inside a folded cue ("will not agree to", "won't accept").
_NEGATED = re.compile(r"\b(?:not|no|never)\b|n['’]t\b", re.I)
# Words between a precondition ("before") and the issue it holds back ("before any").
_PRECONDITION_REACH = 2
# Words between "a substitute for" and the issue it stands in for ("for its long-term goal of").
_TRADE_REACH = 5
# A line's end: a list opened by a colon runs on the lines below it.
_LINE_END = re.compile(r"[ \t]*\n")
# How far before a condition's words its trade marker may start ("in exchange for" opens it).
_TRADE_CHARS = 20
_WORDS = re.compile(r"[A-Za-z]+")
# How far a price named after its marker and a copula may sit ("the precondition for any
# truce along the coast is a written pledge"), and the words its phrase may open with.
_PRICE_REACH = 12
_PRICE_LEAD = 2
# A copula between a prerequisite marker and a mention makes the mention the price.
_COPULA = re.compile(r"\b(?:is|are|was|were|remains|remained|would be|will be)\b")
_NAMED_PRICE = re.compile(rf"\s+{_COPULA.pattern}\s+")
# The ending a possessive holder leaves before what it owns ("Oslo's demand").
_POSSESSIVE_END = re.compile(r"(?:['’]s?(?!\w))?")
# What follows an issue a precondition holds back: a modal or a present tense of its coming
# about ("before a truce can begin", "before any deal is signed"); a past tense only dates
# ("before the truce collapsed").
_PENDING = re.compile(r"[\s\w'’-]{0,30}?\b(?:can|could|would|will|may|might|is|are|be|begins?|starts?|takes? effect|comes? into force)\b")
# A condition that a thing come about ("if a truce is reached", "once a deal takes effect")
# dates what it conditions; nobody is said to ask for the thing there.
_COMES_ABOUT = re.compile(r"\s+(?:is|are|has been|have been|gets?) (?:reached|agreed|signed|concluded|achieved)\b"
                          r"|\s+(?:takes? effect|comes? into force)\b")
_TURN: dict[Stance, Stance] = {"support": "oppose", "oppose": "support"}
# What lies between a stance cue and a hypothesis that opens the clause it reports
# ("warned that if ...").
_OPENS_CLAUSE = re.compile(r"\s*(?:,\s*)?that\s*", re.I)
# Words between a cue and the mention it turns inside a hypothesis ("if Oslo drops the quota").
_OWN_REACH = 3
# Where a stance is read: the span, the issue mention there (None for an anaphor) and
# whether the anaphor is a weak one (a noun phrase such as "the offer").
_Target = tuple[tuple[int, int], IssueMention | None, bool]


@dataclass(frozen=True)
class Unit:
    """A stretch of one sentence with one way of finding its holder."""

    start: int
    end: int
    sentence: int
    actor: str | None = None
    statement_index: int | None = None
    speaker: str | None = None
    content: int | None = None
    opening: int = 0


@dataclass
class _State:
    """What the stage carries from one unit to the next within a document."""

    memory: Memory = field(default_factory=Memory)
    concepts: list[ConceptMatch] = field(default_factory=list)
    issues: list[str] = field(default_factory=list)
    issues_sentence: int = -10
    syntax: Syntax = field(default_factory=Syntax)
    # The parties and the cue of a line that opens a list ("… commits both sides to:"),
    # which the list's lines below it carry.
    listing: tuple[tuple[str, ...], Cue] | None = None


@dataclass(frozen=True)
class _Scene:
    """Everything one unit's segments share while they are read."""

    text: str
    unit: Unit
    cues: list[Cue]
    mentions: list[IssueMention]
    agents: list[Agent]
    reporting: list[tuple[Agent, int]]
    syntax: Syntax
    # Mentions that only date something ("once a truce is reached"): read for no stance.
    timed: frozenset[tuple[int, int]] = frozenset()
    # The authors of the document the article last named.
    authors: tuple[str, ...] = ()


class EnglishPositioner:
    """Speakers to actors and English statements and reporting to positions, with one pack's data."""

    language = "en"

    def __init__(
        self, pack: Pack, nlp: Language | None = None,
        parse_of: Callable[[Document], Sequence[Doc] | None] | None = None,
    ) -> None:
        self.pack = pack
        # The attribution stage's parse of a document, when it has one to hand over.
        self._parse_of = parse_of
        self._actors = ActorIndex(pack)
        self._issues = IssueDetector(pack, self._actors)
        # Holders and concepts (a pack's own, and those its plain terms make) read the
        # parse: the attributor's pipeline when the caller has one, else one loaded here.
        self._nlp = nlp or load_nlp()
        self._concepts = ConceptFinder(pack, self._actors, self._nlp)
        self._cues = CueReader(pack.cues)
        self._frames = TimeFrames(self._cues)
        self._holders = HolderFinder(pack, self._actors, self._cues)
        self._joins = phrase_regex(pack.cues.coordination)
        self._blockers = phrase_regex(pack.cues.blockers)
        self._asides = phrase_regex(pack.cues.aside)
        self._context = phrase_regex(pack.context)
        self._postposed_conditions = phrase_regex(pack.cues.postposed_condition)
        self._negative_conditions = phrase_regex(pack.cues.negative_condition)
        self._asides_to_reader = phrase_regex(pack.cues.discourse_condition)
        self._flags = Flagger(pack, self._actors, self._cues)
        # What each issue's own concepts are about ("prisoner" for a prisoner swap).
        self._about = {i.id: frozenset(w.lower() for c in i.concepts for w in c.about) for i in pack.issues}
        self._issue_cues = {
            i.id: [(kind, regex) for kind in ("support", "oppose")
                   if (regex := phrase_regex(getattr(i.cues, kind))) is not None]
            for i in pack.issues
        }

    def actor_of(self, speaker: str, role: str | None) -> str | None:
        """The actor a speaker speaks for (None for experts, outlets and the unknown)."""
        return self._actors.actor_of(speaker, role)

    def positions(self, document: Document, statements: list[Statement]) -> tuple[list[Statement], list[Position]]:
        """Statements with their actors, and the document's positions (one per actor x issue)."""
        text = document.text
        statements = [replace(s, actor=self.actor_of(s.speaker, s.role)) for s in statements]
        if self._context is not None and not _about(self._context, text, self.pack.context_min):
            # An article about something else: its stances are not on this pack's issues.
            return statements, []
        parse = self._parse_of(document) if self._parse_of else None
        if parse is None:
            parse = parse_lines(self._nlp, text)
        state = _State(concepts=self._concepts.find(text, parse),
                       syntax=Syntax(parse or ()))
        readings: list[Reading] = []
        for unit in self._units(text, statements):
            readings += self._unit(text, unit, state)
        readings = self._flags.denials(text, readings)
        return statements, merge(document.id, text, with_groups(readings, self.pack.groups()))

    def _units(self, text: str, statements: list[Statement]) -> list[Unit]:
        """Cut every sentence into statement units and reporting units, in text order."""
        owned = [(self._region(text, s), i, s) for i, s in enumerate(statements) if s.actor]
        units: list[Unit] = []
        for number, (start, end, _) in enumerate(sentences(text, self.pack.cues.abbreviations)):
            cursor = start
            inside = sorted(
                (max(start, r0), min(end, r1), i, s) for (r0, r1), i, s in owned if r0 < end and r1 > start
            )
            for r0, r1, index, statement in inside:
                if r0 > cursor and text[cursor:r0].strip():
                    units.append(Unit(cursor, r0, number))
                units.append(Unit(r0, r1, number, statement.actor, index, statement.speaker,
                                  max(r0, statement.start), start))
                cursor = max(cursor, r1)
            if text[cursor:end].strip():
                units.append(Unit(cursor, end, number))
        return units

    def _region(self, text: str, statement: Statement) -> tuple[int, int]:
        """A statement's content, widened to its cue when the cue leads into it."""
        cue = statement.cue_start
        if cue is not None and cue < statement.start and words_between(text, cue, statement.start) <= _CUE_REACH:
            return cue, statement.end
        if cue is not None and statement.cue_end is not None and cue >= statement.end \
                and _PASSIVE_GAP.fullmatch(text, statement.end, cue):
            agent = _BY.match(text, statement.cue_end)
            return statement.start, agent.end() if agent else statement.cue_end
        return statement.start, statement.end

    def _unit(self, text: str, unit: Unit, state: _State) -> list[Reading]:
        """Read one unit's segments into readings and update the running state."""
        claims = self._cues.find("security_claim", text, unit.start, unit.end)
        mentions = [
            m for m in self._issues.mentions(text, unit.start, unit.end, state.concepts)
            if not any(c.start < m.end and m.start < c.end for c in claims)
        ]
        # A cue word inside an issue's own term ("give up" in "give up its territory") is
        # part of the term; it goes before negations fold, so "not" still reaches the term.
        cues = self._cues.polar(text, unit.start, unit.end, exclude=[(m.start, m.end) for m in mentions])
        cues = self._postposed(text, cues, mentions)
        cues = self._refused_before(text, cues, mentions, (unit.start, unit.end), state.syntax)
        agents = self._holders.agents(text, unit.start, unit.end, mentions, state.memory, state.syntax)
        mentions = self._heads(text, mentions)
        timed = self._frames.timed(text, mentions, unit.start)
        scene = _Scene(text, unit, cues, mentions, agents, self._holders.reporting(text, agents, unit.end),
                       state.syntax, frozenset(timed), state.memory.authors)
        listed = self._listed(scene, state)
        if listed is not None:
            self._holders.remember(agents, state.memory, state.syntax, unit.sentence)
            return listed
        segments = self._cues.segments(text, cues, unit.start, unit.end)
        out: list[Reading] = []
        carried: Holder | None = None
        for k, segment in enumerate(segments):
            if segment.kind in ("condition", "lead"):
                continue
            following = segments[k + 1] if k + 1 < len(segments) else None
            lead = segments[k - 1] if k > 0 and segments[k - 1].kind == "lead" else None
            if lead is not None and (following is None or following.kind != "condition") and not (
                    self._asides_to_reader is not None and self._asides_to_reader.search(text, lead.start, lead.end)):
                # "If the talks fail, Oslo will close the weir": the leading clause is the
                # condition of the one after it.
                following = replace(lead, kind="condition")
            found, carried = self._segment(scene, segment, following, state, carried)
            out += found
        self._holders.remember(agents, state.memory, state.syntax, unit.sentence)
        return out

    def _listed(self, scene: _Scene, state: _State) -> list[Reading] | None:
        """Readings of a line in a list that a line ending with a colon opens ("The declaration
        commits both sides to:" then "A bilateral ceasefire." on a line of its own): the
        opening line's parties hold each item as its cue says. None for any other line; a
        line with parties of its own ends the list."""
        text, unit = scene.text, scene.unit
        if unit.actor is None and text[unit.start:unit.end].rstrip().endswith(":") and _LINE_END.match(text, unit.end):
            polar = [c for c in scene.cues if c.value is not None]
            actors = tuple(dict.fromkeys(a.actor for a in scene.agents if not a.adjective))
            state.listing = (actors, polar[-1]) if actors and polar and not scene.mentions else None
            return None
        if state.listing is None or unit.actor is not None or scene.agents:
            state.listing = None
            return None
        actors, cue = state.listing
        stance = stance_of(cue)
        return [Reading(actor, issue, stance, m.start, m.end, sentence=unit.sentence,
                        cues=(CueSpan(cue.kind, cue.start, cue.end),))
                for m in scene.mentions for actor in actors
                for issue in self._issues.resolve(m, actor, stance == "support")]

    def _postposed(self, text: str, cues: list[Cue], mentions: list[IssueMention]) -> list[Cue]:
        """Exclusions right after a mention that state its condition ("guarantees without X")."""
        if self._postposed_conditions is None:
            return cues
        ends = {m.end for m in mentions}
        return [
            replace(c, kind="condition", value=None)
            if c.kind == "exclusion" and self._postposed_conditions.fullmatch(text, c.start, c.end)
            and any(e <= c.start and not text[e:c.start].strip() for e in ends) else c
            for c in cues
        ]

    def _refused_before(self, text: str, cues: list[Cue], mentions: list[IssueMention],
                        unit: tuple[int, int], syntax: Syntax) -> list[Cue]:
        """A refused thing held back until something comes first ("there will be no truce
        before the fees are paid", "no withdrawal prior to disarmament"): the precondition
        right after the refused mention is its condition, as "until" would be, so the
        refusal reads as acceptance on that term. Only a negated acceptance is held back so:
        "rejects the truce before the fees are paid" stays a rejection, as packs read it.
        Not refused ("a truce before winter") or
        told as past ("rejected a truce before the talks began"), "before" only dates it."""
        out = list(cues)
        for marker in self._cues.find("precondition", text, *unit):
            mention = next((m for m in mentions if m.end <= marker.start and not text[m.end:marker.start].strip()), None)
            if mention is None:
                continue
            refusal = [c for c in cues if c.end <= mention.start and (c.kind == "negation" or (
                           c.value == -1 and _NEGATED.search(text, c.start, c.end)))
                       and not any(p in text[c.end:mention.start] for p in ",;:")]
            clause_end = min((i for i in (text.find(p, marker.end, unit[1]) for p in ",;.") if i >= 0), default=unit[1])
            if refusal and words_between(text, refusal[-1].end, mention.start) <= _REFUSAL_REACH \
                    and not syntax.told_past(marker.end, clause_end):
                out.append(Cue("condition", marker.start, marker.end, None))
        return sorted(out, key=lambda c: c.start)

    def _heads(self, text: str, mentions: list[IssueMention]) -> list[IssueMention]:
        """Drop mentions that only modify the one before ("monitors at the dam")."""
        if self._blockers is None:
            return mentions
        out = mentions[:1]
        for before, mention in zip(mentions, mentions[1:]):
            words = text[before.end:mention.start].split()
            if not (1 <= len(words) <= 2 and self._blockers.fullmatch(words[0])):
                out.append(mention)
        return out

    def _holders_at(self, scene: _Scene, span: tuple[int, int], segment: Clause,
                    carried: Holder | None) -> list[Holder]:
        """The holders of a stance on ``span``: the statement's actor, or agents."""
        if scene.unit.actor is not None:
            # "X said Moscow rejected Kyiv's demand for Y": Kyiv's own demand, whoever speaks.
            opening = max(segment.body, scene.unit.content or segment.body)
            return with_owners(self._stated(scene, scene.unit.actor, span, segment),
                               self._holders.owners(scene.text, scene.agents, scene.cues, span, opening))
        return self._holders.holders(
            scene.text, scene.agents, scene.reporting, span, (segment.body, segment.end),
            scene.cues, carried, scene.authors,
        )

    def _stated(self, scene: _Scene, speaker_actor: str, span: tuple[int, int], segment: Clause) -> list[Holder]:
        """The holders of a stance inside a statement.

        A statement reporting another party's act ("X said the United States has offered
        ...") gives that party the stance; otherwise the speaker holds it.
        """
        opening = max(segment.body, scene.unit.content or segment.body)
        subject = self._holders.clause_subject(scene.text, scene.agents, opening, span[0])
        if subject is not None and subject.actor != speaker_actor:
            # "X said Moscow objects, as Paris has signalled it is open to Y": Paris holds Y.
            return [replace(h, own_clause=True)
                    for h in self._holders.with_coordinated(scene.text, scene.agents, subject)]
        authors = self._holders.document_relative(scene.text, span[0], opening, scene.authors)
        if authors:
            return authors
        actor = self._holders.acting(scene.text, scene.agents, scene.cues, span[0], opening, scene.syntax)
        speaker = Holder(speaker_actor, segment.body)
        # "X said the truce put forward by A ...": its author A holds it too.
        judging = [h for h in self._holders.relative(scene.text, scene.agents, span[1], segment.end)
                   if h.actor != speaker_actor]
        # "A and B have said they ...": the speaker's partners named with it speak too.
        partners = self._holders.partners(scene.text, scene.unit.opening, scene.unit.start,
                                          speaker_actor, segment.body)
        # "the EAC and SADC summit" (named here or resolved from earlier) speaks for each.
        partners += [Holder(actor, segment.body) for actor in self._holders.joint(scene.unit.speaker or "")
                     if actor != speaker_actor and all(h.actor != actor for h in partners)]
        if actor is None:
            return [speaker, *partners, *judging]
        acting = self._holders.with_coordinated(scene.text, scene.agents, actor)
        # "A welcomed B's offer of a truce, which C has accepted": C judges it all the same.
        judged = [h for h in judging if h.actor not in {a.actor for a in acting}]
        # "X said he and Y had agreed": a pronoun inside X's statement is X, and the
        # speaker and those joined to it hold the stance.
        if actor.pronoun or actor.actor == speaker_actor:
            return [speaker, *partners, *acting[1:], *judged]
        return [*acting, *judged]

    def _segment(self, scene: _Scene, segment: Clause, following: Clause | None, state: _State,
                 carried: Holder | None) -> tuple[list[Reading], Holder | None]:
        """Readings of one segment; returns them and the holder later segments inherit."""
        restriction = next((c for c in scene.cues if c.kind == "restriction"
                            and segment.body <= c.start < segment.end), None)
        targets: list[_Target] = []
        if restriction is not None:
            # "X must include Y": X is accepted on the terms Y; without an X (named or
            # referred to) the segment is read as any other.
            targets = self._targets(scene, segment, restriction.start, state)
            if not targets:
                scene = self._required(scene, restriction)
            restriction = restriction if targets else None
        if not targets:
            targets = self._targets(scene, segment, segment.end, state)
        if not targets and following is not None and following.kind == "condition":
            return self._consequent(scene, segment, following, carried)
        inner = [m for _, m, _ in targets if m is not None]
        out: list[Reading] = []
        for index, (span, mention, weak) in enumerate(targets):
            # A condition after coordinated clauses belongs to the last one only.
            after = following if index == len(targets) - 1 else None
            for holder in self._holders_at(scene, span, segment, carried):
                carried = holder
                if weak:
                    out += self._object(scene, segment, span, holder, state)
                else:
                    out += self._target(scene, segment, after, restriction, span, mention, holder, state)
        if inner:
            named = [r.issue for r in out if r.start <= inner[-1].end]
            state.issues = named or [i for m in inner for i in self._issues.resolve(m, None, False)]
            state.issues_sentence = scene.unit.sentence
        return out, carried

    def _consequent(self, scene: _Scene, segment: Clause, following: Clause,
                    carried: Holder | None) -> tuple[list[Reading], Holder | None]:
        """A stance on no issue whose hypothesis names one: what the holder would do if a
        thing came about is its stance on that thing. "Moscow warned of a harsh response if
        troops were sent" opposes the troops; "Oslo is ready to sign if the quota is
        lifted" supports lifting it; "Oslo will refuse to sign unless the quota is lifted"
        turns the sign, as "unless" asks for what it names. Only a hypothesis ("if",
        "should", "in the event of") or a negative condition: "in return for" or "based on"
        name a price or a basis, which `_asked` reads beside an issue."""
        text = scene.text
        marker = (following.start, following.body)
        negative = self._negative_conditions is not None and self._negative_conditions.fullmatch(text, *marker) is not None
        if not negative and not self._cues.find("hypothesis", text, *marker):
            return [], carried
        polar = [c for c in scene.cues if segment.body <= c.start and c.end <= segment.end and c.value in (1, -1)]
        if not polar:
            return [], carried
        cue = polar[-1]
        if _OPENS_CLAUSE.fullmatch(text, cue.end, following.start):
            # "warned that if talks drag on, strikes would follow": the hypothesis opens the
            # reported clause, and what it names is the clause's own condition.
            return [], carried
        sign = -1 if (cue.value == -1) != negative else 1
        named = [(mention, stance_of(replace(cue, value=-sign if self._turns(scene, following, mention) else sign)))
                 for mention in scene.mentions
                 if following.body <= mention.start and mention.end <= following.end
                 and (mention.start, mention.end) not in scene.timed and not _COMES_ABOUT.match(text, mention.end)]
        out: list[Reading] = []
        for holder in self._holders_at(scene, (cue.start, cue.end), segment, carried):
            carried = holder
            out += [Reading(holder.actor, issue, stance, min(cue.start, mention.start), max(cue.end, mention.end),
                            statement_index=scene.unit.statement_index, speaker=scene.unit.speaker,
                            sentence=scene.unit.sentence, cues=(CueSpan(cue.kind, cue.start, cue.end),))
                    for mention, stance in named
                    for issue in self._issues.resolve(mention, holder.actor, stance == "support")]
        return out, carried

    def _turns(self, scene: _Scene, hypothesis: Clause, mention: IssueMention) -> bool:
        """Whether an opposing cue on the mention itself turns it inside a hypothesis ("if
        Oslo drops the quota"); one on a wider thing it is listed under ("any hostile act,
        including X") does not."""
        text = scene.text
        inside = read(text, scene.cues, (mention.start, mention.end), (hypothesis.body, hypothesis.end),
                      [(m.start, m.end) for m in scene.mentions if m is not mention])
        if inside is None or inside.value != -1:
            return False
        return inside.start >= mention.end or (words_between(text, inside.end, mention.start) <= _OWN_REACH
                                               and not any(p in text[inside.end:mention.start] for p in ",;:"))

    def _required(self, scene: _Scene, restriction: Cue) -> _Scene:
        """The scene with a requirement laid on no issue read as a demand for what follows:
        "any deal must include Y" asks for Y. A negated restriction ("must not ...") keeps
        its reading, since what it names is ruled out rather than asked for."""
        text = scene.text
        if self._cues.find("negation", text, restriction.start, restriction.end):
            return scene
        cues = [Cue("support", c.start, c.end, 1) if c == restriction else c for c in scene.cues]
        return replace(scene, cues=cues)

    def _targets(self, scene: _Scene, segment: Clause, limit: int,
                 state: _State) -> list[_Target]:
        """The issue mentions before ``limit``, or else an anaphor for the last issues named.

        A noun phrase naming a move ("the offer") is a weaker anaphor: tried last, and
        its readings marked weak.
        """
        named = [m for m in scene.mentions if segment.body <= m.start and m.end <= limit]
        if named:
            # A mention that only dates an act is read for nothing, and leaves no anaphor.
            return [((m.start, m.end), m, False) for m in named if (m.start, m.end) not in scene.timed]
        if self._fresh(state, scene.unit.sentence):
            for kind in ("anaphora", "reference"):
                for anaphor in self._cues.find(kind, scene.text, segment.body, limit):
                    return [((anaphor.start, anaphor.end), None, kind == "reference")]
        return []

    def _fresh(self, state: _State, sentence: int) -> bool:
        """Whether the last issues named are recent enough for an anaphor to reach."""
        return bool(state.issues) and sentence - state.issues_sentence <= _ANAPHORA_SENTENCES

    def _cues_for(self, scene: _Scene, mention: IssueMention | None, segment: Clause) -> list[Cue]:
        """The unit's cues plus the mention's own issue cues (which may sit inside it)."""
        if mention is None:
            return scene.cues
        extra = [
            Cue(kind, m.start(), m.end(), 1 if kind == "support" else -1)
            for issue in mention.issues for kind, regex in self._issue_cues[issue]
            for m in regex.finditer(scene.text, segment.body, segment.end)
        ]
        # The issue's own cue takes its words: a shared cue on them ("postponed", an
        # exclusion, under an issue's oppose "postponed") would turn it twice.
        shared = [c for c in scene.cues if not any(c.start < e.end and e.start < c.end for e in extra)]
        return sorted(shared + extra, key=lambda c: c.start)

    def _target(self, scene: _Scene, segment: Clause, following: Clause | None, restriction: Cue | None,
                span: tuple[int, int], mention: IssueMention | None, holder: Holder,
                state: _State) -> list[Reading]:
        """Readings for one mention (or anaphor) and one holder."""
        cues = [c for c in self._cues_for(scene, mention, segment)
                if not (c.end <= span[0] and state.syntax.conjunct_apart((c.start, c.end), span))]
        cues += self._cues.find("reversal", scene.text, span[1], segment.end)[:1]
        # "a truce proposed by Kyiv would only prolong the war": the proposing is Kyiv's.
        cues = [c for c in cues if holder.actor in (self._holders.authored_by(scene.text, scene.agents, c.start) or (holder.actor,))]
        others = [(m.start, m.end) for m in scene.mentions if (m.start, m.end) != span]
        # A passive agent ("the plan drafted by Washington is ...") closes a participle on
        # the mention rather than opening another agent's clause, so it is no stop.
        stops = [a.start for a in scene.agents
                 if a.start > span[1] and a.end != holder.scope and not (a.attached or a.adjective or a.passive)]
        scope = (max(holder.scope, segment.body), segment.end)
        aside = self._aside(scene.text, span[1], segment.end)
        cue = read(scene.text, cues, span, scope, others, self._joins, stops, aside)
        if cue is None and segment.body < holder.scope <= span[0] and not holder.own_clause:
            # "A central concern for Russia is X": the cue may precede the holder.
            cue = read(scene.text, cues, span, (segment.body, segment.end), others, self._joins, stops, aside)
        if cue is None and restriction is not None and span[0] < restriction.start:
            # A limit set on a thing ("such measures must not compromise ...") accepts it on terms.
            cue = replace(restriction, value=0)
        if cue is None and following is not None and following.kind == "condition":
            # "Oslo would lift the quota only if ...": a commitment on terms.
            cue = Cue("condition", following.start, following.body, 0)
        if cue is None and mention is not None:
            # "Oslo lifted the quota": the one who does the act holds it.
            cue = self._deed(scene, span, holder, state)
        held_back = False
        if cue is None and mention is not None:
            # "Kyiv must cede the coast before any truce can begin": a thing held back by
            # another demand is wanted once that demand is met; read only as that condition.
            held = self._marker("precondition", scene.text, scope[0], span[0], _PRECONDITION_REACH)
            cue = Cue("support", held.start, held.end, 1) if held is not None else None
            held_back = cue is not None
        if cue is None and mention is not None:
            # "Oslo sees a written pledge as a precondition for any truce": what is named
            # the price of another thing is wanted.
            cue = self._priced(scene, span, scope, segment.end)
        if cue is None:
            return []
        stance = stance_of(cue)
        issues = self._issues.resolve(mention, holder.actor, stance == "support") if mention else state.issues
        if not issues:
            return []
        base = Reading(holder.actor, issues[0], stance, min(span[0], cue.start), max(span[1], cue.end),
                       statement_index=scene.unit.statement_index, speaker=scene.unit.speaker,
                       sentence=scene.unit.sentence, cues=(CueSpan(cue.kind, cue.start, cue.end),))
        base = self._flags.flag(scene.text, base, (max(holder.scope, segment.body), segment.end))
        out = [self._flags.issue_red_line(scene.text, replace(base, issue=issue, stance=_turned(base.stance, mention, issue)),
                                    (max(holder.scope, segment.body), segment.end)) for issue in issues]
        waited = self._waited(scene, segment, span, holder, base) if mention is not None else None
        if held_back and waited is None:
            return []
        zone = waited or self._zone(scene, segment, following, restriction, base)
        if zone is None:
            return out
        asked = self._asked(scene, zone, base)
        if self._swapped(scene.text, zone, issues):
            # "release the captives in exchange for prisoners": the swap is the issue, and
            # what the list goes on to name is asked for as before.
            return out + [r for r in asked if r.issue not in issues and not _COMES_ABOUT.match(scene.text, r.end)]
        if (base.stance == "oppose" and waited is None and not self._unless(scene.text, zone)
                and not _offered(scene.cues, max(holder.scope, segment.body), span[0])):
            # Opposing X "if Y" still opposes X; a Y that makes X worse is opposed too
            # ("does not want X if it means recognising Y"), a Y offered in exchange is not.
            # Offering to give X up on terms ("ready to drop the claim if …") is a stance
            # on X with a condition.
            return out + [r for r in asked if r.stance == "oppose"]
        first = asked[0] if asked else None
        conditional = replace(
            base, stance="conditional", condition=_clip(scene.text, zone[0], zone[1]),
            end=max(base.end, zone[0] + len(_clip(scene.text, zone[0], zone[1]))),
            condition_issue=first.issue if first else None,
            condition_outcome=(("granted" if first.stance == "support" else "excluded") if first else None),
            cues=(*base.cues, CueSpan("condition", zone[0], zone[2])),
        )
        # A thing the condition only needs to come about ("if a truce is reached") names the
        # condition's issue but is no demand of its own.
        return [replace(conditional, issue=issue) for issue in issues] + [
            r for r in asked if not _COMES_ABOUT.match(scene.text, r.end)]

    def _waited(self, scene: _Scene, segment: Clause, span: tuple[int, int], holder: Holder,
                base: Reading) -> tuple[int, int, int] | None:
        """The thing a mention waits on or is traded for, as a condition zone.

        "wants the fees paid before a truce can begin": the truce waits on the fees; "could
        accept a treaty as a substitute for membership": membership is traded for the
        treaty; "demands the fees paid as a precondition for a truce": the truce is bought
        with the fees. All make the holder's stance on the mention conditional; refusing the
        substitute ("rejects a treaty as a substitute for membership") is left as read.
        """
        text = scene.text
        lower = max(holder.scope, segment.body)
        traded = (self._marker("substitute", text, lower, span[0], _TRADE_REACH)
                  or self._marker("prerequisite", text, lower, span[0], _TRADE_REACH))
        if traded is not None and _COPULA.search(text, traded.end, span[0]):
            # "a prerequisite for the deal is a written pledge": the pledge is the price.
            traded = None
        if traded is not None and base.stance in ("support", "oppose"):
            taken = [c for c in scene.cues if lower <= c.start and c.end <= traded.start and c.value is not None]
            refused = bool(taken) and taken[-1].kind == "oppose"
            # The price is what the cue before the marker asks for ("demands a written
            # pledge as a precondition for ...": a written pledge).
            price = taken[0].end if taken else lower
            possessive = _POSSESSIVE_END.match(text, price)
            price = possessive.end() if possessive else price
            named = _NAMED_PRICE.match(text, span[1])
            if named is not None:
                # "the precondition for a truce is a written pledge": the price follows.
                return None if refused else (named.end(), segment.end, named.end())
            return None if refused else (price, traded.start, lower)
        marker = self._marker("precondition", text, lower, span[0], _PRECONDITION_REACH)
        if marker is None or base.stance not in ("support", "neutral") or not _PENDING.match(text, span[1]):
            return None
        asks = [c for c in scene.cues if lower <= c.start and c.end < marker.start and c.value == 1
                and words_between(text, c.end, marker.start) >= 1]
        asks += [c for c in self._cues.find("obligation", text, lower, marker.start)
                 if words_between(text, c.end, marker.start) >= 1]
        if not asks:
            return None
        ask = max(asks, key=lambda c: c.end)
        return ask.end, marker.start, ask.end

    def _priced(self, scene: _Scene, span: tuple[int, int], scope: tuple[int, int], limit: int) -> Cue | None:
        """A prerequisite marker as support: for the thing named the price, right before it
        ("X as a precondition for Y") or after it and a copula ("the precondition for Y is
        X"), and for the thing bought, which :meth:`_waited` then makes conditional, unless
        the price was refused ("rejected the demand to do X as a precondition for Y" leaves
        Y to the one who demands)."""
        text = scene.text
        marker = next((c for c in self._cues.find("prerequisite", text, span[1], limit)
                       if not text[span[1]:c.start].strip()), None)
        if marker is not None:
            return Cue("support", marker.start, marker.end, 1)
        marker = self._marker("prerequisite", text, scope[0], span[0], _PRICE_REACH)
        if marker is None:
            return None
        copula = _COPULA.search(text, marker.end, span[0])
        if copula is not None:
            named = words_between(text, copula.end(), span[0]) <= _PRICE_LEAD
            return Cue("support", marker.start, marker.end, 1) if named else None
        bought = words_between(text, marker.end, span[0]) <= _TRADE_REACH and not any(
            c.value == -1 for c in scene.cues if scope[0] <= c.start and c.end <= marker.start)
        return Cue("support", marker.start, marker.end, 1) if bought else None

    def _swapped(self, text: str, zone: tuple[int, int, int], issues: Sequence[str]) -> bool:
        """Whether a trade's other half is the issue's own subject: a word of the traded
        thing is one the issue's concepts are about ("in exchange for prisoners")."""
        trade = self._cues.find("trade", text, max(0, zone[0] - _TRADE_CHARS), zone[1])
        if not trade:
            return False
        words = {w.lower().rstrip("s") for w in _WORDS.findall(text, trade[-1].end, zone[1])}
        return any(words & self._about.get(issue, frozenset()) for issue in issues)

    def _marker(self, kind: str, text: str, start: int, end: int, reach: int) -> Cue | None:
        """The last cue of ``kind`` that ends at most ``reach`` words before ``end``, in one clause."""
        found = [c for c in self._cues.find(kind, text, start, end)
                 if words_between(text, c.end, end) <= reach and not any(p in text[c.end:end] for p in ",;:")]
        return found[-1] if found else None

    def _deed(self, scene: _Scene, span: tuple[int, int], holder: Holder, state: _State) -> Cue | None:
        """A support cue on the verb of a mention when the holder is the one doing its act."""
        subjects = [(a.start, a.end) for a in scene.agents if a.actor == holder.actor]
        if scene.unit.statement_index is not None and scene.unit.actor == holder.actor:
            # "Oslo said it would sign the pact", "we will send monitors": the speaker's own
            # pronoun in what it says is the speaker.
            subjects += [(m.start(), m.end()) for m in _SPEAKER_PRONOUN.finditer(scene.text, scene.unit.start, span[0])]
        verb = state.syntax.deed(span, subjects)
        return Cue("support", verb[0], verb[1], 1) if verb else None

    def _unless(self, text: str, zone: tuple[int, int, int]) -> bool:
        """Whether a condition is one without which the thing is refused ("will not sign the
        truce unless ..."): refusing X unless Y accepts X on Y."""
        marker = text[zone[0]:zone[2]]
        return self._negative_conditions is not None and self._negative_conditions.search(marker) is not None

    def _object(self, scene: _Scene, segment: Clause, span: tuple[int, int], holder: Holder,
                state: _State) -> list[Reading]:
        """Weak readings of a noun phrase ("rejected the offer") as the object of a cue."""
        naming = self._cues.find("naming", scene.text, segment.body, span[0])
        cue = governing(scene.text, scene.cues, span, (max(holder.scope, segment.body), segment.end),
                        [(m.start, m.end) for m in scene.mentions], naming)
        if cue is None:
            return []
        return [
            Reading(holder.actor, issue, stance_of(cue), min(cue.start, span[0]), max(cue.end, span[1]),
                    statement_index=scene.unit.statement_index, speaker=scene.unit.speaker,
                    sentence=scene.unit.sentence, weak=True, cues=(CueSpan(cue.kind, cue.start, cue.end),))
            for issue in state.issues
        ]

    def _aside(self, text: str, end: int, limit: int) -> tuple[int, int] | None:
        """A comma-delimited clause right after a mention ("X, which ..., is key"), if any."""
        opening = _ASIDE_OPEN.match(text, end, limit)
        if opening is None or self._asides is None or not self._asides.match(text, opening.end(), limit):
            return None
        close = text.find(",", opening.end(), limit)
        return (end, close + 1) if close > 0 else None

    def _zone(self, scene: _Scene, segment: Clause, following: Clause | None, restriction: Cue | None,
              base: Reading) -> tuple[int, int, int] | None:
        """(start, end, body) of the condition that qualifies a reading, if one does."""
        framed = self._framed(scene, base)
        if framed is not None:
            return framed
        if restriction is not None and base.start < restriction.start:
            return restriction.start, segment.end, restriction.end
        if following is not None and following.kind == "condition":
            return following.start, following.end, following.body
        if following is not None and following.kind == "contrast" and base.stance != "oppose":
            return self._contrast_zone(scene, following, base.actor, base.issue)
        return None

    def _framed(self, scene: _Scene, base: Reading) -> tuple[int, int, int] | None:
        """The demand a deal is the frame of ("wants X as part of a truce"): the truce's condition."""
        if base.stance != "support":
            return None
        cue = next((c for c in scene.cues if c.start == base.start and c.value == 1), None)
        if cue is None:
            return None
        for frame in self._cues.find("package", scene.text, cue.end, base.end):
            if words_between(scene.text, frame.end, base.end) <= _FRAME_REACH and frame.start > cue.end:
                return cue.end, frame.start, cue.end
        return None

    def _asked(self, scene: _Scene, zone: tuple[int, int, int], base: Reading) -> list[Reading]:
        """Readings of the issues a condition names: granted ones supported, excluded opposed."""
        start, end, body = zone
        out: list[Reading] = []
        for mention in (m for m in scene.mentions if body <= m.start and m.end <= end
                        and (m.start, m.end) not in scene.timed):
            cue = read(scene.text, scene.cues, (mention.start, mention.end), (body, end),
                       [(m.start, m.end) for m in scene.mentions if m is not mention])
            granted = cue is None or cue.value != -1
            for issue in self._issues.resolve(mention, base.actor, True):
                if issue == base.issue:
                    continue
                out.append(replace(base, issue=issue, stance="support" if granted else "oppose",
                                   start=mention.start, end=mention.end, red_line=False, threat=False))
        return out

    def _contrast_zone(self, scene: _Scene, following: Clause, actor: str,
                       issue: str) -> tuple[int, int, int] | None:
        """A contrast segment that asks for another issue by the same holder ("X, but Y is key")."""
        if any(a.actor != actor for a in scene.agents if following.body <= a.start < following.end):
            return None
        for mention in scene.mentions:
            if following.body <= mention.start and mention.end <= following.end:
                cue = read(scene.text, scene.cues, (mention.start, mention.end),
                           (following.body, following.end), [])
                # "Yes to X, but Y is key" or "yes to X, but not to this part of X".
                if cue is not None and (cue.value == 1 or (cue.value == -1 and issue in mention.issues)):
                    return following.start, following.end, following.body
        return None

def _about(context: re.Pattern[str], text: str, least: int) -> bool:
    """Whether a text names its negotiation's context at least ``least`` times; a text of
    one paragraph (a sentence handed in, a pack's example) is too short to tell and is read."""
    if sum(1 for line in text.split("\n") if line.strip()) < 2:
        return True
    return sum(1 for _ in islice(context.finditer(text), least)) >= least


def _offered(cues: Sequence[Cue], start: int, end: int) -> bool:
    """True when a readiness or offer governs a giving-up before a mention ("is ready to
    drop its claim", "offered to abandon the bid"): the party trades the thing, it does not
    reject it."""
    before = [c for c in cues if start <= c.start and c.end <= end and c.kind != "condition"]
    return any(a.kind == "support" and b.kind == "exclusion" for a, b in zip(before, before[1:]))


def _turned(stance: Stance, mention: IssueMention | None, issue: str) -> Stance:
    """The stance on an issue when the mention names its opposite ("stay neutral" for NATO)."""
    if mention is None or issue not in mention.inverse:
        return stance
    return _TURN.get(stance, stance)


def _clip(text: str, start: int, end: int) -> str:
    """The opening words of a condition, up to a comma, full stop or a dozen words."""
    words = 0
    stop = end
    for index in range(start, end):
        if text[index] in ",;.:!?" and index > start:
            stop = index
            break
        if text[index].isspace() and not text[index - 1].isspace():
            words += 1
            if words >= _CONDITION_WORDS:
                stop = index
                break
    return text[start:stop].strip(" \"“”‘’'—–-")
