"""Plain-text helpers the position stage shares: sentences, words and cue patterns.

The stage works on character offsets into ``Document.text`` throughout, so every helper
returns ``(start, end)`` pairs rather than copies of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from redline.patterns import compile as compile_pattern
from redline.position.en.scan import gates

# Characters of a cue the gate of its word start reads: four rule out all but a few of the
# support list's branches at most words, more gain little (support and oppose cues were
# half the stage's regex time).
_GATE = 4
_WORD = re.compile(r"[\w'’-]+")
# A sentence's end, with any reference marks glued to it ("… an hour.[1] The …").
_TERMINAL = re.compile(r"[.!?…]+[\"”’»)\]]*(?:\[\d{1,3}\])*\s+")
_NEWLINE = re.compile(r"\s*\n\s*")
# A full stop with no space after it, between a lower-case word and a capitalised one:
# extracted pages glue sentences together ("was rejected.Speaking later, ...").
_GLUED = re.compile(r"(?<=[a-z]{2})[.!?][\"”’»]?(?=[\"“‘«]?[A-Z][a-z])")


def phrase_regex(patterns: Iterable[str], flags: int = re.IGNORECASE) -> re.Pattern[str] | None:
    """One regex matching any of the patterns as whole words (None for an empty list).

    Longer patterns come first so that "not against" wins over "not" at the same spot.
    """
    items = sorted(set(patterns), key=len, reverse=True)
    if not items:
        return None
    body = "|".join(f"(?:{p})" for p in items)
    first, lead = gates(body, flags, _GATE)
    ahead = "" if first is None else f"(?=[{first}])"
    gate = "" if lead is None else f"(?={lead})"
    # Word boundaries, except where a pattern starts or ends with punctuation (",").
    return compile_pattern(rf"{ahead}(?:(?<![\w-])|(?=\W)){gate}(?:{body})(?:(?![\w-])|(?<=\W))", flags)


def words_between(text: str, start: int, end: int) -> int:
    """How many words lie in ``text[start:end]``."""
    return len(_WORD.findall(text, start, end)) if end > start else 0


def _is_abbreviation(text: str, dot: int, abbreviations: frozenset[str]) -> bool:
    """Whether the full stop at ``dot`` closes an abbreviation or an initial."""
    match = re.search(r"([\w.]+)$", text[max(0, dot - 12):dot])
    if match is None:
        return False
    word = match.group(1)
    return word in abbreviations or (len(word) == 1 and word.isupper())


def sentences(text: str, abbreviations: Sequence[str] = ()) -> list[tuple[int, int, int]]:
    """Split text into sentences: (start, end, paragraph number).

    A line break ends a sentence unless the next line opens in lower case (extracted
    pages break sentences over lines); a full stop ends one unless it closes an
    abbreviation, with or without a space after it.
    """
    known = frozenset(abbreviations)
    out: list[tuple[int, int, int]] = []
    paragraph = 0
    start = 0
    cuts: list[tuple[int, int, bool]] = []
    for match in _NEWLINE.finditer(text):
        following = text[match.end():match.end() + 1]
        if following and not following.islower():
            cuts.append((match.start(), match.end(), True))
    for match in _TERMINAL.finditer(text):
        following = text[match.end():match.end() + 1]
        dot = match.start()
        if "\n" in match.group(0) or not following or following.islower():
            continue
        if text[dot] == "." and _is_abbreviation(text, dot, known):
            continue
        end_of_mark = match.end() - len(match.group(0)) + len(match.group(0).rstrip())
        cuts.append((end_of_mark, match.end(), False))
    cuts += [(match.end(), match.end(), False) for match in _GLUED.finditer(text)]
    for cut_start, cut_end, new_paragraph in sorted(cuts):
        if cut_start < start:
            continue
        if text[start:cut_start].strip():
            out.append((start, cut_start, paragraph))
        paragraph += new_paragraph
        start = cut_end
    if text[start:].strip():
        out.append((start, len(text.rstrip()), paragraph))
    return out
