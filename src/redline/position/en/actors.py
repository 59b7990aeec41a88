"""Actors: who a speaker speaks for, and where an article names a party.

Names, metonyms, bodies, persons and adjectives all come from the pack. Names are matched
as written (case matters, so "US" is not "us"; a form written in lower case may also open a
sentence with a capital); generic body and role words ("foreign
ministry", "expert") are matched in any case. A description ("the bloc") is a definite
noun phrase that refers back to an actor; when several actors share it, the one the text
named last before it is meant, and without one the first in the pack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from redline.position.pack import Pack
from redline.position.en.scan import RangeScan
from redline.position.en.text import phrase_regex

MentionKind = Literal["name", "person", "adjective"]
_POSSESSIVE = re.compile(r"['’]s?(?![\w])")
# Capitalised words joined by hyphens ("the US-Ukrainian proposal", "joint US-EU guarantees"):
# when every part is an actor's form, each part names its actor as it would alone.
# A pair of parties spoken of together; "the two" needs a noun of parties after it.
_PAIR = re.compile(r"\b(?:[Bb]oth|[Tt]he two) (?:countries|nations|states|sides|parties|governments|capitals|"
                   r"neighbou?rs|leaders|presidents|ministers|foreign ministers|delegations|rivals)\b")
# How far back the two parties of a pair are looked for (a few sentences).
_PAIR_LOOKBACK = 600
# How far after a nationality adjective a description noun it names may end ("Congolese rebel movement").
_DESCRIPTION_CHARS = 40
# The nouns of a negotiating track named after a city ("the Luanda process", "the Minsk format").
_TRACK = re.compile(r"[\s-]+(?:peace\s+)?(?:process|format|track|round|formula|platform)\b", re.IGNORECASE)
# What joins two parties named together: "A and B", "A, B", "A and the B".
_JOINED = re.compile(r"(?:['’]s)?(?:,| and| &)(?: the)?\s+")
_COMPOUND = re.compile(r"(?<![\w-])[A-Z][\w.]*(?:-[A-Z][\w.]*)+(?![\w-])")
# Participles joined to their authors' names ("a French-led force", "the Oslo-brokered
# truce", "a US-backed plan"): each part before it names its actor, who backs the thing.
JOINED_PARTICIPLES = "led|backed|brokered|mediated|sponsored|drafted|proposed|championed|supported"
_LED_COMPOUND = re.compile(rf"(?<![\w-])([A-Z][\w.]*(?:[/-][A-Z][\w.]*)*)-(?:{JOINED_PARTICIPLES})(?![\w-])")


# Short lower-case particles of names ("al-", "el-", "bin", "van", "de"), which articles
# write with a capital too, above all at the start of a sentence.
_PARTICLE = re.compile(r"(?<![\w'’])(al|el|ad|as|ash|at|az|bin|ibn|abu|van|von|der|den|de|da|di|du|la|le)"
                       r"(?=[- ](?:[a-z]{2,3}[- ])?[A-Z])")


def _particle_cases(form: str) -> set[str]:
    """The form with its name particles capitalised, alone ("Al-Sayed") and all together."""
    found = list(_PARTICLE.finditer(form))
    if not found:
        return set()
    variants = {form[: m.start()] + m.group(1).capitalize() + form[m.end():] for m in found}
    variants.add(_PARTICLE.sub(lambda m: m.group(1).capitalize(), form))
    return variants - {form}


@dataclass(frozen=True)
class ActorMention:
    """A place where the text names an actor: a name, a person or an adjective."""

    actor: str
    start: int
    end: int
    kind: MentionKind
    possessive: bool = False


class ActorIndex:
    """The pack's actors compiled for lookup in speakers and in running text."""

    def __init__(self, pack: Pack) -> None:
        self._forms: dict[str, tuple[str, MentionKind]] = {}
        for actor in pack.actors:
            for person in actor.persons:
                for form in (person.name, *person.variants):
                    self._forms.setdefault(form, (actor.id, "person"))
            for form in actor.names():
                self._forms.setdefault(form, (actor.id, "name"))
            for form in actor.adjectives:
                self._forms.setdefault(form, (actor.id, "adjective"))
        # A form written in lower case ("opposition leaders") also opens a sentence or a
        # headline with a capital ("Opposition leaders said ...").
        for form, found in list(self._forms.items()):
            if form[:1].islower():
                self._forms.setdefault(form[:1].upper() + form[1:], found)
            # A name's particles are written either way ("Khalid al-Sayed", "Al-Sayed").
            for variant in _particle_cases(form):
                self._forms.setdefault(variant, found)
        self._regex = phrase_regex((re.escape(f) for f in self._forms), flags=0)
        # Every unit asks for the mentions around it: one scan of the text answers them all.
        self._names = RangeScan(self._regex) if self._regex is not None else None
        self._descriptions = [
            (actor.id, RangeScan(regex)) for actor in pack.actors
            if (regex := phrase_regex(f"the (?:{d})" for d in actor.descriptions)) is not None
        ]
        self._description_words = [
            (actor.id, RangeScan(regex)) for actor in pack.actors
            if (regex := phrase_regex(actor.descriptions)) is not None
        ]
        self._metonyms = frozenset(m for actor in pack.actors for m in actor.metonyms)
        self._bodies = phrase_regex(pack.roles.bodies)
        self._non_actor = phrase_regex(pack.roles.non_actor)

    def forms(self, actor: str, kinds: tuple[MentionKind, ...] = ("name", "adjective")) -> list[str]:
        """Every surface form of one actor of the given kinds."""
        return [f for f, (a, k) in self._forms.items() if a == actor and k in kinds]

    def mentions(self, text: str, start: int = 0, end: int | None = None) -> list[ActorMention]:
        """Actor mentions in ``text[start:end]``, longest form first at each place."""
        if self._names is None:
            return []
        stop = len(text) if end is None else end
        out = []
        for s, e in self._names.spans(text, start, stop):
            actor, kind = self._forms[text[s:e]]
            possessive = _POSSESSIVE.match(text, e) is not None
            out.append(ActorMention(actor, s, e, kind, possessive))
        named = {(m.start, m.end) for m in out}
        out += [m for m in self._compounds(text, start, stop) if (m.start, m.end) not in named]
        taken = [(m.start, m.end) for m in out]
        out += [m for m in self._pair(text, start, stop) if not any(s < m.end and m.start < e for s, e in taken)]
        for span, actors in self._described(text, start, stop).items():
            if not any(s < span[1] and span[0] < e for s, e in taken):
                possessive = _POSSESSIVE.match(text, span[1]) is not None
                out.append(ActorMention(self._referent(text, span[0], actors), *span, "name", possessive))
        # "the Luanda process", "the Minsk format": a capital naming a track is no party.
        out = [m for m in out if not (text[m.start:m.end] in self._metonyms and _TRACK.match(text, m.end))]
        return sorted((self._nationality_of_described(text, m) for m in out), key=lambda m: m.start)

    def _nationality_of_described(self, text: str, mention: ActorMention) -> ActorMention:
        """"Congolese rebels": a nationality right before another party's description names
        that party (the rebel group the pack describes), not the country."""
        if mention.kind != "adjective":
            return mention
        for actor, scan in self._description_words:
            if actor != mention.actor:
                noun = next(iter(scan.spans(text, mention.end, min(len(text), mention.end + _DESCRIPTION_CHARS))), None)
                if noun is not None and not text[mention.end:noun[0]].strip():
                    return ActorMention(actor, mention.start, noun[1], "name", _POSSESSIVE.match(text, noun[1]) is not None)
        return mention

    def _compounds(self, text: str, start: int, stop: int) -> list[ActorMention]:
        """The parts of hyphenated compounds of actor forms, each a mention of its own."""
        out: list[ActorMention] = []
        if text.find("-", start, stop) < 0:
            return out  # every compound holds a hyphen: most stretches need no scan
        matches = [m.span() for m in _COMPOUND.finditer(text, start, stop)]
        matches += [m.span(1) for m in _LED_COMPOUND.finditer(text, start, stop)]
        for first, last in sorted(set(matches)):
            parts = re.split(r"[/-]", text[first:last])
            if not all(part in self._forms for part in parts):
                continue
            at = first
            for part in parts:
                actor, kind = self._forms[part]
                out.append(ActorMention(actor, at, at + len(part), kind))
                at += len(part) + 1
        return out

    def _described(self, text: str, start: int, stop: int) -> dict[tuple[int, int], list[str]]:
        """Description spans in ``text[start:stop]`` and the actors each may refer to."""
        found: dict[tuple[int, int], list[str]] = {}
        for actor, scan in self._descriptions:
            for span in scan.spans(text, start, stop):
                found.setdefault(span, []).append(actor)
        return found

    def _pair(self, text: str, start: int, stop: int) -> list[ActorMention]:
        """"Both countries", "the two sides": the last two parties named before, one mention each.

        News names a pair of parties once and then speaks of them together ("Armenia and
        Azerbaijan met in Washington ... Both countries have declared readiness to sign").
        The pair is the last two parties named together ("A and B") within a few sentences
        before the phrase, else the last two distinct parties named there.
        """
        if self._names is None:
            return []
        out: list[ActorMention] = []
        for match in _PAIR.finditer(text, start, stop):
            spans = self._names.spans(text, max(0, match.start() - _PAIR_LOOKBACK), match.start())
            named = [(self._forms[text[s:e]][0], s, e) for s, e in spans]
            pairs = [list(dict.fromkeys(run)) for run in self._runs(text, named)]
            # "A and B", not two of a longer list ("A, the US and B" names three).
            joined = [p for p in pairs if len(p) == 2]
            pair = joined[-1] if joined else list(dict.fromkeys(a for a, _, _ in reversed(named)))[:2][::-1]
            if len(pair) == 2:
                possessive = _POSSESSIVE.match(text, match.end()) is not None
                out += [ActorMention(actor, match.start(), match.end(), "name", possessive) for actor in pair]
        return out

    @staticmethod
    def _runs(text: str, named: list[tuple[str, int, int]]) -> list[list[str]]:
        """The actors of each run of names joined one to the next ("A, B and C")."""
        runs: list[list[str]] = []
        for k, (actor, start, _) in enumerate(named):
            if k and _JOINED.fullmatch(text, named[k - 1][2], start):
                runs[-1].append(actor)
            else:
                runs.append([actor])
        return [run for run in runs if len(run) > 1]

    def _referent(self, text: str, at: int, actors: list[str]) -> str:
        """The actor a shared description refers to: the one named last before ``at``."""
        if len(actors) == 1 or self._names is None:
            return actors[0]
        last: str | None = None
        for s, e in self._names.spans(text, 0, at):
            actor = self._forms[text[s:e]][0]
            last = actor if actor in actors else last
        return last or actors[0]

    def is_body(self, text: str, start: int, end: int) -> bool:
        """Whether a body or title word ("side", "foreign ministry") starts near ``start``."""
        if self._bodies is None:
            return False
        match = self._bodies.search(text, start, end)
        return match is not None and not text[start:match.start()].strip(" '’s")

    def actor_of(self, speaker: str, role: str | None = None) -> str | None:
        """The actor a speaker speaks for, or None for experts, outlets and the unknown."""
        text = " ".join(part for part in (speaker, role) if part)
        if self._non_actor is not None and self._non_actor.search(text):
            return None
        mentions = self.mentions(speaker)
        persons = [m for m in mentions if m.kind == "person"]
        if persons:
            return persons[0].actor
        for source in (speaker, role or ""):
            # Speakers come without their article ("alliance's chief"); a description needs it.
            definite = source if source[:4].lower() == "the " else f"the {source}"
            for mention in self.mentions(definite):
                if mention.kind == "name":
                    return mention.actor
                if self._bodies is not None and self._bodies.search(text):
                    return mention.actor
        return None
