"""Range queries answered from one scan give what finditer over the range gives."""

from __future__ import annotations

import re

from redline.position.en.scan import RangeScan, gates, reach, stepped, steppable
from redline.position.en.text import phrase_regex

_TEXT = ("The alliance met in Vale. Vale-based envoys and the Valerian side spoke; "
         "Valerians said the alliance of Vale would not meet. Vale")


def _finditer(regex: re.Pattern[str], text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [m.span() for m in regex.finditer(text, start, end)]


def test_scan_reach_counts_lookaheads_and_boundaries() -> None:
    assert reach(re.compile(r"ab(?=cd)")) == 4
    assert reach(re.compile(r"(?<=x)ab\b")) == 3
    assert reach(re.compile(r"a{2,3}|bcde")) == 4
    assert reach(re.compile(r"a+")) is None
    assert reach(re.compile(r"(a)\1")) is None
    assert reach(re.compile(r"ab$")) is None


def test_scan_spans_equal_finditer_on_every_stretch() -> None:
    regex = phrase_regex(["Vale", "Valerian", "alliance"], flags=0)
    assert regex is not None
    scan = RangeScan(regex)
    assert scan.spans(_TEXT) == [(4, 12), (20, 24), (52, 60), (92, 100), (104, 108), (125, 129)]
    for start in range(0, len(_TEXT) + 2):
        for end in range(start, len(_TEXT) + 2):
            assert scan.spans(_TEXT, start, end) == _finditer(regex, _TEXT, start, end), (start, end)


def test_scan_a_stretch_ending_inside_a_word_reads_it_as_the_range_does() -> None:
    regex = phrase_regex(["Vale"], flags=0)
    assert regex is not None
    scan = RangeScan(regex)
    # "Valerian" cut after "Vale" is the word "Vale" to finditer, so to the scan too;
    # "Vale-based" and "Valerians" are other words.
    assert scan.spans(_TEXT) == [(20, 24), (104, 108), (125, 129)]
    assert scan.spans(_TEXT, 40, 56) == [(52, 56)]


def test_scan_new_text_is_scanned_again() -> None:
    regex = phrase_regex(["Vale"], flags=0)
    assert regex is not None
    scan = RangeScan(regex)
    assert scan.spans(_TEXT, 0, 100) == [(20, 24)]
    other = "We left Vale at dawn and crossed the river to reach the far bank of Vale."
    assert scan.spans(other, 0, len(other)) == [(8, 12), (68, 72)]


def test_scan_unbounded_patterns_are_scanned_directly() -> None:
    regex = re.compile(r"Vale\w*")
    scan = RangeScan(regex)
    assert scan.spans(_TEXT, 0, 56) == [(20, 24), (26, 30), (52, 56)]


def test_scan_stepped_replays_finditer_at_the_given_places() -> None:
    regex = re.compile(r"ab|b")
    text = "xabxbb"
    places = [1, 2, 4, 5]
    assert steppable(regex)
    assert stepped(regex, text, places, 0, len(text)) == [(1, 3), (4, 5), (5, 6)]
    assert stepped(regex, text, places, 0, len(text)) == _finditer(regex, text, 0, len(text))
    assert not steppable(re.compile(r"a?"))
    assert not steppable(re.compile(r"(a)b\1"))


def test_scan_first_chars_of_literals_classes_and_lookbehinds() -> None:
    assert gates(r"(?:not )?against|oppos(?:e|es)", re.I)[0] == "ano"
    assert gates(r"(?<=plan )(?:includ|set)|[x-z]\w*", re.I)[0] == "isx-z"
    assert gates(r"\w+n't|no\b")[0] == r"\wn"
    assert gates(r"(?-i:[A-Z])\w+", re.I)[0] == "A-Z"


def test_scan_first_chars_unknown_starts_give_none() -> None:
    assert gates(r".ab")[0] is None
    assert gates(r"[^a]b")[0] is None
    assert gates(r"a?")[0] is None
    assert gates(r"(?i:a)b")[0] is None


def test_scan_leading_gate_branches_on_the_first_characters() -> None:
    # The lookbehind and the optional word are passed over; a class stays a class.
    assert gates(r"(?<=plan )includ|(?:not )?against|[x-z]\w", re.I, 2)[1] == \
        r"[a][g]|[i][n]|[n][o]|[x-z][\w]"
    assert gates(r"ab|a", 0, 2)[1] == "[a]"


def test_scan_leading_gate_unknown_starts_give_none() -> None:
    assert gates(r"a?", 0, 2)[1] is None
    assert gates(r".ab", 0, 2)[1] is None
    # What follows an item it cannot read may be anything.
    assert gates(r"a.b|cd", 0, 2)[1] == "[a]|[c][d]"
    assert gates(r"a(?i:b)", 0, 2)[1] == "[a]"


def test_scan_phrase_regex_with_its_gates_matches_as_without() -> None:
    # Invented cues: a lookbehind, an optional word, a contraction, mixed case, a repeat.
    cues = [r"(?<=plan )includes", r"(?:not )?against", r"\w+n['’]t", "KEY", "welcome[sd]?", r"no (?:\w+ ){0,2}deal"]
    text = "The plan includes it. We are not against it, won't act; a key step. Welcomed. No real deal."
    regex = phrase_regex(cues)
    assert regex is not None and regex.pattern.startswith("(?=[")
    body = "|".join(f"(?:{p})" for p in sorted(set(cues), key=len, reverse=True))
    lead = gates(body, re.I, 4)[1]
    assert lead is not None and f"(?={lead})" in regex.pattern
    plain = re.compile(regex.pattern[regex.pattern.index("])") + 2:].replace(f"(?={lead})", "", 1), re.I)
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            assert _finditer(regex, text, start, end) == _finditer(plain, text, start, end), (start, end)
