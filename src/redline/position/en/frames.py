"""Time frames: an issue named as the moment of something else is no position on it.

"Troops would deploy once a truce is reached", "strong enough, after any ceasefire, to deter
an attack": the truce dates the deployment; nobody is said to want or refuse it there. A
mention right after a time word (the pack's ``temporal`` cues, with at most a determiner
or a modifier between) is such a frame. A condition word among them ("once") still makes
the act it dates conditional; only the dating mention is read for nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from redline.position.en.issues import IssueMention
from redline.position.en.stance import CueReader
from redline.position.en.text import words_between

# Words between the time word and the mention ("once a", "after any future").
_FRAME_GAP = 2


class TimeFrames:
    """Find issue mentions that only date something, with the pack's temporal cues."""

    def __init__(self, cues: CueReader) -> None:
        self._cues = cues

    def timed(self, text: str, mentions: Sequence[IssueMention], start: int) -> set[tuple[int, int]]:
        """Spans of the mentions that stand right after a time word."""
        words = self._cues.find("temporal", text, start, max((m.start for m in mentions), default=start))
        return {
            (m.start, m.end) for m in mentions
            if any(w.end <= m.start and words_between(text, w.end, m.start) <= _FRAME_GAP
                   and "," not in text[w.end:m.start] for w in words)
        }
