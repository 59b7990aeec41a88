"""Boilerplate removal with an exact offset map back to the raw text.

Cleaning only ever deletes stretches of the raw text and never rewrites a character, so the
cleaned text is the raw text with holes in it, and a list of ``Segment`` runs maps every
cleaned character back to the raw character it was copied from. What counts as boilerplate
is data (``lexicons/boilerplate.yaml``); this module applies it a whole line at a time:

1. line patterns (prompts, credits, form labels, footers) and appeal paragraphs;
2. leading navigation: menu words, breadcrumb trails and bullet breadcrumbs at the very top;
3. "Related"/"Read more" headings, with the short link lines under them when the list
   visibly ends (at the end of the text, at a blank line, after its last bullet);
4. captions printed twice in a row (and both copies when a photo credit follows);
5. the holes left behind collapse to at most one blank line, and the ends are stripped.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from redline import yamlfile
from redline.errors import RedlineError
from redline.models import Removal, Segment

LEXICONS = Path(__file__).resolve().parents[1] / "lexicons"
_LIMITS = (
    "line_max_chars", "paragraph_max_chars", "list_item_max_chars", "list_max_items",
    "caption_min_words", "caption_max_chars", "breadcrumb_max_words",
)
_SECTIONS = ("lines", "paragraphs", "headings", "leading")
TRANSLATION_FOOTER = "translation footer"
# Whitespace holding three or more line breaks: more than one blank line.
_BLANK_RUN = re.compile(r"(?:[^\S\n]*\n){3,}[^\S\n]*")


@dataclass(frozen=True)
class Rule:
    """One boilerplate pattern and the reason recorded when it removes a line."""

    reason: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class Lexicon:
    """The boilerplate rules of boilerplate.yaml and the services of translation.yaml."""

    limits: dict[str, int]
    bullet: re.Pattern[str]
    quote_marks: str
    rules: dict[str, tuple[Rule, ...]]
    services: tuple[tuple[str, re.Pattern[str]], ...]


@dataclass(frozen=True)
class Cleaned:
    """The cleaned text, its offset map to the raw text, and what was removed."""

    text: str
    segments: list[Segment]
    removed: list[Removal]


@dataclass
class _Line:
    """One raw line: its full extent, its stripped extent and text, and a removal reason."""

    line_start: int
    line_end: int
    start: int
    end: int
    text: str
    reason: str | None = None


def _compile(pattern: Any, where: str) -> re.Pattern[str]:
    if not isinstance(pattern, str) or not pattern:
        raise RedlineError(f"{where}: a pattern must be a non-empty string")
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise RedlineError(f"{where}: bad regular expression {pattern!r}: {exc}") from exc


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yamlfile.load(path)
    except (OSError, yaml.YAMLError) as exc:
        raise RedlineError(f"{path}: cannot read lexicon: {exc}") from exc
    if not isinstance(data, dict):
        raise RedlineError(f"{path}: a lexicon must be a mapping")
    return data


def _patterns(
    path: Path, section: str, table: dict[Any, Any], service: str | None = None
) -> list[tuple[str, re.Pattern[str]]]:
    """Every name's patterns in one lexicon table, compiled; a bad entry raises naming it."""
    found = []
    for name, patterns in table.items():
        if not isinstance(patterns, list):
            raise RedlineError(f"{path}: {section}: {name}: must be a list of patterns")
        for number, pattern in enumerate(patterns, 1):
            text = pattern.replace("{service}", service) if service and isinstance(pattern, str) else pattern
            found.append((str(name), _compile(text, f"{path}: {section}: {name}: pattern {number}")))
    return found


def _services(path: Path) -> tuple[tuple[str, re.Pattern[str]], ...]:
    table = _read_yaml(path).get("services")
    if not isinstance(table, dict) or not table:
        raise RedlineError(f"{path}: services: must map each service name to its patterns")
    return tuple(_patterns(path, "services", table))


def _rules(path: Path, data: dict[str, Any], section: str, service: str) -> tuple[Rule, ...]:
    table = data.get(section)
    if not isinstance(table, dict):
        raise RedlineError(f"{path}: {section}: must map each reason to its patterns")
    return tuple(Rule(reason, pattern) for reason, pattern in _patterns(path, section, table, service))


def load_lexicon(path: Path | None = None, services_path: Path | None = None) -> Lexicon:
    """Read and validate the boilerplate rules; a bad entry raises naming file and entry."""
    path = path or LEXICONS / "boilerplate.yaml"
    services = _services(services_path or LEXICONS / "translation.yaml")
    data = _read_yaml(path)
    limits = data.get("limits")
    if not isinstance(limits, dict):
        raise RedlineError(f"{path}: limits: missing")
    for name in _LIMITS:
        if not isinstance(limits.get(name), int) or limits[name] < 0:
            raise RedlineError(f"{path}: limits: {name}: must be a non-negative integer")
    # Footers name a service in its own words; any alias of any service may stand there.
    service = "(?P<service>" + "|".join(p.pattern for _, p in services) + ")"
    return Lexicon(
        limits={name: limits[name] for name in _LIMITS},
        bullet=_compile(data.get("bullet"), f"{path}: bullet"),
        quote_marks=str(data.get("quote_marks", "")),
        rules={section: _rules(path, data, section, service) for section in _SECTIONS},
        services=services,
    )


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The shipped lexicon, read and validated once per process."""
    return load_lexicon()


def _match(rules: Sequence[Rule], text: str, search: bool = False) -> str | None:
    for rule in rules:
        if (rule.pattern.search if search else rule.pattern.fullmatch)(text):
            return rule.reason
    return None


def _split(raw: str) -> list[_Line]:
    lines, pos = [], 0
    for piece in raw.split("\n"):
        stripped = piece.strip()
        start = pos + len(piece) - len(piece.lstrip())
        lines.append(_Line(pos, pos + len(piece), start, start + len(stripped), stripped))
        pos += len(piece) + 1
    return lines


def _bullet_run(content: list[_Line], first: int, lex: Lexicon) -> int:
    """How many lines from ``first`` form a breadcrumb trail of bullets (0 when none)."""
    run = first
    while run < len(content) and lex.bullet.match(content[run].text):
        run += 1
    if run - first < 2:
        return 0
    items = [lex.bullet.sub("", line.text, count=1) for line in content[first:run]]
    short = lex.limits["breadcrumb_max_words"]
    if any(len(item.split()) > short for item in items[:-1]):
        return 0
    # The last crumb is often the headline itself, repeated as the next line.
    headline = run < len(content) and content[run].text == items[-1]
    if len(items[-1].split()) > short and not headline:
        return 0
    return run - first


def _mark_leading(lines: list[_Line], lex: Lexicon) -> None:
    """Drop menu lines and breadcrumbs above the first line of text."""
    content = [line for line in lines if line.text]
    index = 0
    while index < len(content):
        line = content[index]
        if line.reason or _match(lex.rules["leading"], line.text):
            line.reason = line.reason or "navigation"
            index += 1
            continue
        run = _bullet_run(content, index, lex)
        if not run:
            return
        for crumb in content[index : index + run]:
            crumb.reason = crumb.reason or "navigation"
        index += run


def _mark_patterns(lines: list[_Line], lex: Lexicon) -> list[int]:
    """Mark lines that match a rule; return the indices of list headings."""
    headings = []
    limits = lex.limits
    for index, line in enumerate(lines):
        if not line.text or line.reason:
            continue
        if len(line.text) <= limits["line_max_chars"]:
            line.reason = _match(lex.rules["headings"], line.text)
            if line.reason:
                headings.append(index)
                continue
            line.reason = _match(lex.rules["lines"], line.text)
        quoting = any(mark in line.text for mark in lex.quote_marks)
        if not line.reason and not quoting and len(line.text) <= limits["paragraph_max_chars"]:
            line.reason = _match(lex.rules["paragraphs"], line.text, search=True)
    return headings


def _mark_lists(lines: list[_Line], headings: list[int], lex: Lexicon) -> None:
    """Drop the link lines under a heading when the list visibly ends.

    A list ends at the end of the text, at other boilerplate, after its last bullet, or at
    the first blank line after several links one to a line. Short lines that run on into
    a paragraph are left alone, since short paragraphs of text look just like links.
    """
    for heading in headings:
        items: list[_Line] = []
        spaced = gap = False
        for line in lines[heading + 1 :]:
            if line.reason:
                break
            if not line.text:
                gap = bool(items)
                continue
            bulleted = bool(items) and bool(lex.bullet.match(items[0].text))
            if bulleted and not lex.bullet.match(line.text):
                break
            if gap and len(items) > 1 and not spaced:
                break
            spaced, gap = spaced or gap, False
            sentence = line.text.endswith((".", "…"))
            if sentence or len(line.text) > lex.limits["list_item_max_chars"]:
                items = []
                break
            items.append(line)
        if len(items) <= lex.limits["list_max_items"]:
            for item in items:
                item.reason = lines[heading].reason


def _caption_key(line: _Line, lex: Lexicon) -> str | None:
    """The line as a possible caption, or None when it is text, a table row or a bullet."""
    if line.reason or len(line.text) > lex.limits["caption_max_chars"]:
        return None
    if "|" in line.text or lex.bullet.match(line.text):
        return None
    words = line.text.split()
    return " ".join(words) if len(words) >= lex.limits["caption_min_words"] else None


def _mark_captions(lines: list[_Line], lex: Lexicon) -> None:
    """Drop a caption printed twice in a row, and both copies when a photo credit follows."""
    # A picture's alt text and its caption come out of extraction as the same line twice;
    # a line repeated further away (a table, a list, a chorus) is left alone.
    content = [line for line in lines if line.text]
    repeated: set[str] = set()
    previous: str | None = None
    for line in content:
        key = _caption_key(line, lex)
        if key and key == previous:
            line.reason = "repeated caption"
            repeated.add(key)
        else:
            previous = key
    above: _Line | None = None
    for line in content:
        if line.reason == "photo credit" and above and _caption_key(above, lex) in repeated:
            above.reason = "repeated caption"
        if line.reason != "repeated caption":
            above = line


def _group(raw: str, lines: list[_Line]) -> list[tuple[Removal, int, int]]:
    """Merge neighbouring removed lines of one reason; pair each removal with its hole."""
    groups: list[list[_Line]] = []
    for line in lines:
        if not line.text:
            continue
        if line.reason and groups and groups[-1][-1].reason == line.reason:
            groups[-1].append(line)
        else:
            groups.append([line])
    found = []
    for group in groups:
        if group[0].reason:
            first, last = group[0], group[-1]
            removal = Removal(first.start, last.end, group[0].reason, raw[first.start : last.end])
            # The hole takes the whole lines, indentation and line break included.
            found.append((removal, first.line_start, min(last.line_end + 1, len(raw))))
    return found


def _pieces(raw: str, holes: list[tuple[int, int]]) -> list[Segment]:
    """The raw text between the holes, as segments of the text they join into."""
    segments, start, position = [], 0, 0
    for hole_start, hole_end in holes:
        if hole_start > position:
            segments.append(Segment(start, position, hole_start - position))
            start += hole_start - position
        position = max(position, hole_end)
    if position < len(raw):
        segments.append(Segment(start, position, len(raw) - position))
    return segments


def _text(raw: str, segments: Sequence[Segment]) -> str:
    return "".join(raw[s.raw_start : s.raw_start + s.length] for s in segments)


def _excess_whitespace(text: str, segments: Sequence[Segment]) -> list[tuple[int, int]]:
    """Ranges of the joined text to drop: blank lines beyond one where a hole was, the ends."""
    joins = [segment.start for segment in segments[1:]]
    ranges = [(0, len(text) - len(text.lstrip())), (len(text.rstrip()), len(text))]
    for run in _BLANK_RUN.finditer(text):
        where = bisect_left(joins, run.start())
        if where < len(joins) and joins[where] <= run.end():
            breaks = [run.start() + k for k, char in enumerate(run.group()) if char == "\n"]
            # Keep the run up to its second line break: one blank line, in one piece.
            ranges.append((breaks[1] + 1, breaks[-1] + 1))
    return sorted(r for r in ranges if r[1] > r[0])


def _cut(segments: Sequence[Segment], ranges: Sequence[tuple[int, int]]) -> list[Segment]:
    """Delete ranges of the joined text from the offset map, renumbering what follows."""
    result: list[Segment] = []
    start, index = 0, 0
    for segment in segments:
        position, end = segment.start, segment.start + segment.length
        while position < end:
            while index < len(ranges) and ranges[index][1] <= position:
                index += 1
            if index < len(ranges) and ranges[index][0] <= position:
                position = min(ranges[index][1], end)
                continue
            stop = min(end, ranges[index][0]) if index < len(ranges) else end
            result.append(Segment(start, segment.raw_start + position - segment.start, stop - position))
            start += stop - position
            position = stop
    return result


def clean(raw_text: str) -> Cleaned:
    """Remove boilerplate, keeping an exact offset map back to the raw text."""
    lex = lexicon()
    lines = _split(raw_text)
    headings = _mark_patterns(lines, lex)
    _mark_leading(lines, lex)
    _mark_lists(lines, headings, lex)
    _mark_captions(lines, lex)
    found = _group(raw_text, lines)
    segments = _pieces(raw_text, [(hole_start, hole_end) for _, hole_start, hole_end in found])
    segments = _cut(segments, _excess_whitespace(_text(raw_text, segments), segments))
    return Cleaned(_text(raw_text, segments), segments, [removal for removal, _, _ in found])


def to_raw(offset: int, segments: Sequence[Segment]) -> int:
    """Map an offset in the cleaned text to the raw text.

    An offset at the very end of the cleaned text maps just past its last raw character;
    for the end of a span inside the text, map ``end - 1`` and add one.
    """
    total = segments[-1].start + segments[-1].length if segments else 0
    if not 0 <= offset <= total:
        raise ValueError(f"offset {offset} is outside the cleaned text (0..{total})")
    if offset == total:
        return segments[-1].raw_start + segments[-1].length if segments else 0
    low, high = 0, len(segments) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if segments[middle].start <= offset:
            low = middle
        else:
            high = middle - 1
    segment = segments[low]
    return segment.raw_start + offset - segment.start
