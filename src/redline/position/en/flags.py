"""Flags and whole-document passes over readings: red lines, threats, claims, denials.

A reading's flags come from cues in its scope: red-line words (shared, or the issue's
own), a threat aimed at the holder, a security claim. Over a whole document, a reported
stance the actor denies in the next sentence is dropped.
"""

from __future__ import annotations

import re
from dataclasses import replace

from redline.position.en.actors import ActorIndex
from redline.position.en.stance import CueReader
from redline.position.en.text import phrase_regex, sentences, words_between
from redline.position.merge import Reading
from redline.position.pack import Pack

# Words between a threat cue and the party it is aimed at ("a threat to Moscow").
_THREAT_REACH = 3


class Flagger:
    """The pack's flag cues and denials compiled for one positioner."""

    def __init__(self, pack: Pack, actors: ActorIndex, cues: CueReader) -> None:
        self._pack = pack
        self._actors = actors
        self._cues = cues
        self._issue_red_lines: dict[str, re.Pattern[str]] = {
            i.id: regex for i in pack.issues if (regex := phrase_regex(i.cues.red_line)) is not None
        }

    def flag(self, text: str, reading: Reading, scope: tuple[int, int]) -> Reading:
        """Set red-line, threat and security-claim flags from the cues in scope."""
        start, end = scope
        red_line = bool(self._cues.find("red_line", text, start, end)) and reading.stance != "neutral"
        threat = reading.stance == "oppose" and any(
            self._aimed_at(text, c.end, reading.actor) for c in self._cues.find("threat", text, start, end)
        )
        claim = reading.stance == "support" and bool(self._cues.find("security_claim", text, start, end))
        return replace(reading, red_line=red_line, threat=threat, security_claim=claim)

    def issue_red_line(self, text: str, reading: Reading, scope: tuple[int, int]) -> Reading:
        """Set the red-line flag from the reading's own issue's red-line cues ("non-negotiable")."""
        regex = self._issue_red_lines.get(reading.issue)
        if regex is None or reading.red_line or reading.stance == "neutral":
            return reading
        return replace(reading, red_line=regex.search(text, *scope) is not None)

    def _aimed_at(self, text: str, at: int, actor: str) -> bool:
        """Whether a threat cue is aimed at the holder (or at nobody named)."""
        named = [m for m in self._actors.mentions(text, at, min(len(text), at + 40))
                 if words_between(text, at, m.start) <= _THREAT_REACH]
        return not named or named[0].actor == actor

    def denials(self, text: str, readings: list[Reading]) -> list[Reading]:
        """Drop reported stances that the actor denies in the next sentence."""
        denied: set[tuple[str, int]] = set()
        bounds = sentences(text, self._pack.cues.abbreviations)
        for number, (start, end, _) in enumerate(bounds):
            if self._cues.find("denial", text, start, end):
                for mention in self._actors.mentions(text, start, end):
                    denied.add((mention.actor, number - 1))
        return [
            r for r in readings
            if r.statement_index is not None or (r.actor, r.sentence) not in denied
        ]
