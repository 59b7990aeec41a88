"""Russian quotations: «…», „…“, "…" and lines of dialogue opened by a dash.

Quotes are found on the characters of each line, before any parsing. Guillemets and
„German“ marks nest unambiguously; an ASCII mark opens when it follows a space or a line
start and closes when it follows a word, and a closer that has no opener left extends the
last quote of the line ("Коалиция" - это …", - пояснил): writers nest ASCII quotes in
ASCII quotes. A quote left open at the end of a line runs to the line's end (a cut-off
article). A line of dialogue ("— Мы готовы, — сказал он. — Но …") is a quote that ends
where its attribution begins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from redline.attribute.ru.lexicon import Lexicon

_LINE = re.compile(r"[^\n]+")
# A quote's attribution after its closing mark: ", — сказал он".
_ATTRIBUTION = re.compile(r"\s*[,!?…]?\s*[—–-]\s")


@dataclass(frozen=True)
class Quote:
    """A quotation: its content span (without the marks) and where its marks stand."""

    start: int
    end: int
    open: int
    close: int
    dialogue: bool = False


def _opens(line: str, i: int) -> bool:
    """An ASCII mark opens a quote when nothing but space or punctuation precedes it."""
    before = line[i - 1] if i else " "
    after = line[i + 1] if i + 1 < len(line) else " "
    return (before.isspace() or before in "(:—–-«„") and not after.isspace()


def _line_quotes(line: str, offset: int, lexicon: Lexicon) -> list[Quote]:
    """Top-level quotes of one line."""
    closers = lexicon.closers
    stack: list[tuple[int, str]] = []
    found: list[Quote] = []
    # Where a nested quote closed with its outer one still open: writers fold "»»" into one "»".
    inner_close: int | None = None
    for i, char in enumerate(line):
        if stack and len(stack) > 1 and char in closers[stack[-1][1]] and not (
                char in closers and char in closers[char] and _opens(line, i)):
            inner_close = i
        ascii_mark = char in closers and char in closers[char]
        if ascii_mark:
            if _opens(line, i) and not (stack and stack[-1][1] == char and not _opens_inside(line, i)):
                stack.append((i, char))
            elif stack and char in closers[stack[-1][1]]:
                _close(stack, found, i, offset)
            elif not stack and found and found[-1].close - offset <= i:
                last = found.pop()
                found.append(Quote(last.start, offset + i, last.open, offset + i + 1))
        elif stack and char in closers[stack[-1][1]]:
            # "“" closes „…“ before it can open “…”: „коалиция желающих“ inside «…».
            _close(stack, found, i, offset)
        elif char in closers:
            stack.append((i, char))
    if stack:
        i = stack[0][0]
        if inner_close is not None and _ATTRIBUTION.match(line, inner_close + 1):
            # "«Мы сказали: «Нет», — отметил он": the one "»" before the attribution closes both.
            found.append(Quote(offset + i + 1, offset + inner_close, offset + i, offset + inner_close + 1))
        else:
            found.append(Quote(offset + i + 1, offset + len(line.rstrip()), offset + i, offset + len(line.rstrip())))
    return found


def _opens_inside(line: str, i: int) -> bool:
    """Inside an open ASCII quote, a mark after a space opens a nested one only before a word."""
    return i + 1 < len(line) and line[i + 1].isalpha()


def _close(stack: list[tuple[int, str]], found: list[Quote], i: int, offset: int) -> None:
    start, _ = stack.pop()
    if not stack:
        found.append(Quote(offset + start + 1, offset + i, offset + start, offset + i + 1))


def _dialogue(line: str, offset: int, lexicon: Lexicon) -> list[Quote]:
    """A line of dialogue: the spoken parts around its ", — сказал он." attribution."""
    dashes = "".join(re.escape(d) for d in lexicon.dashes)
    lead = re.match(rf"\s*[{dashes}]\s+", line)
    if lead is None:
        return []
    quotes = []
    start = lead.end()
    cut = re.search(rf"([,!?…])\s+[{dashes}]\s+", line[start:])
    if cut is None:
        return [Quote(offset + start, offset + len(line.rstrip()), offset + lead.start(), offset + len(line.rstrip()), True)]
    end = start + cut.start() + (0 if cut.group(1) == "," else 1)
    quotes.append(Quote(offset + start, offset + end, offset + lead.start(), offset + end, True))
    rest = re.search(rf"[.,]\s+[{dashes}]\s+", line[start + cut.end():])
    if rest is not None:
        again = start + cut.end() + rest.end()
        stop = len(line.rstrip())
        quotes.append(Quote(offset + again, offset + stop, offset + again - 2, offset + stop, True))
    return quotes


def find_quotes(text: str, lexicon: Lexicon) -> list[Quote]:
    """Every top-level quotation of the text, in text order."""
    out: list[Quote] = []
    for match in _LINE.finditer(text):
        line = match.group()
        dialogue = _dialogue(line, match.start(), lexicon)
        out += dialogue or _line_quotes(line, match.start(), lexicon)
    return [q for q in out if text[q.start:q.end].strip()]
