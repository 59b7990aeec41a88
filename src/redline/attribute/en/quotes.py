"""Direct quotes: find every quoted span in the text, in each quotation style.

Two conventions are read here, from the text alone:

* paired marks ("…", “…”, «…», ‘…’): a closing mark between two letters is an apostrophe
  ("Russia’s"); a quote left open at the end of a paragraph runs on when the next paragraph
  opens with a mark again, the newspaper convention for quotes of several paragraphs;
* dash quotes of translated Russian text: a paragraph that opens with a dash is a quote,
  interrupted by its attribution ("— We are ready, — the minister said. — And ...").

Which speaker a quote belongs to is decided elsewhere; ``find_quotes`` takes a callback
that tells whether a stretch of text is an attribution clause, so that a dash paragraph can
be cut where its attribution sits.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from redline.attribute.en.lexicon import Lexicon

# A mark opens a quote after one of these (or at the start of a line).
_BEFORE_OPEN = set(" \t\n([{—–-/:")
# A mark closes a quote before one of these (or at the end of a line).
_AFTER_CLOSE = set(" \t\n.,;:!?)]}—–-…")
# Double marks that may open a whole quoted paragraph left unclosed (single marks are too
# often apostrophes), and the dashes or bullets that may lead such a paragraph.
_PARAGRAPH_OPENERS = "“\"«„"
LINE_MARKS = "-–—•"
# Sentence ends, for finding where an attribution clause stops.
_TERMINAL = re.compile(r"[.!?](?=[\s\"”’»—–]|$)")

IsAttribution = Callable[[int, int], bool]


@dataclass(frozen=True)
class Quote:
    """One quoted stretch: content bounds (marks excluded) and where its marks sit.

    Pieces of one quote (its paragraphs, or the parts of a dash quote around the
    attribution) share ``group``. ``attribution`` is the clause a dash quote was cut at.
    """

    open_at: int
    start: int
    end: int
    close_at: int
    group: int
    dash: bool = False
    attribution: tuple[int, int] | None = None


def find_quotes(
    text: str, paragraphs: list[tuple[int, int]], lexicon: Lexicon, is_attribution: IsAttribution
) -> list[Quote]:
    """Every outermost quote in the text, dash quotes and paired quotes, in text order."""
    dashed: list[Quote] = []
    plain: list[tuple[int, int]] = []
    for start, end in paragraphs:
        pieces = _dash_paragraph(text, start, end, lexicon, is_attribution, len(dashed))
        if pieces:
            dashed.extend(pieces)
        else:
            plain.append((start, end))
    group_base = (max((q.group for q in dashed), default=-1)) + 1
    paired = _paired(text, plain, lexicon, group_base)
    return sorted(dashed + _outermost(paired), key=lambda q: q.start)


def sentence_end(text: str, start: int, end: int, lexicon: Lexicon) -> int:
    """Where the sentence running from ``start`` stops (its full stop), at most ``end``.

    A full stop after an abbreviation or an initial ("Mr.", "Gen.", "J.") does not count.
    """
    for found in _TERMINAL.finditer(text, start, end):
        word = re.search(r"([\w.]+)$", text[start : found.start()])
        if found.group() == "." and word and (
            word.group(1).lower() in lexicon.abbreviations or re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", word.group(1))
        ):
            continue
        return found.start()
    return end


def sentence_start(text: str, start: int, position: int, lexicon: Lexicon) -> int:
    """Where the sentence holding ``position`` begins, searching from ``start``."""
    while True:
        stop = sentence_end(text, start, position, lexicon)
        if stop >= position:
            return start
        start = stop + 1


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds with surrounding whitespace removed."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_apostrophe(text: str, i: int) -> bool:
    """A ’ or ' between two letters or digits is an apostrophe ("Russia’s", "don't")."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before.isalnum() and after.isalnum()


def _can_open(text: str, i: int, start: int) -> bool:
    after = text[i + 1] if i + 1 < len(text) else " "
    before = text[i - 1] if i > start else " "
    return not after.isspace() and (before in _BEFORE_OPEN or before in "\"'“‘«„")


def _can_close(text: str, i: int, end: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < end else " "
    return not before.isspace() and (after in _AFTER_CLOSE or after in "\"'”’»")


def _paired(text: str, paragraphs: list[tuple[int, int]], lexicon: Lexicon, group: int) -> list[Quote]:
    """Quotes in paired marks; a quote open at a paragraph's end may run into the next."""
    quotes: list[Quote] = []
    carried: tuple[str, int] | None = None  # (opening mark, group) of a quote running on
    for index, (start, end) in enumerate(paragraphs):
        first, _ = _trim(text, start, end)
        stack: list[tuple[str, int, int]] = []
        if carried and text[first] in lexicon.closers and text[first] == carried[0]:
            stack.append((carried[0], first, carried[1]))
        carried = None
        for i in range(start, end):
            mark = text[i]
            if mark not in lexicon.all_marks or _is_apostrophe(text, i) or (stack and stack[0][1] == i):
                continue
            closes = [k for k, (m, _, _) in enumerate(stack) if mark in lexicon.closers[m]]
            if closes and _can_close(text, i, end):
                opener, at, number = stack[closes[-1]]
                del stack[closes[-1]:]
                quotes.append(Quote(at, *_trim(text, at + 1, i), i + 1, number))
            elif mark in lexicon.closers and _can_open(text, i, start):
                stack.append((mark, i, group))
                group += 1
        nxt = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        if stack and nxt and text[_trim(text, *nxt)[0]] == stack[0][0]:
            opener, at, number = stack[0]
            quotes.append(Quote(at, *_trim(text, at + 1, end), end, number))
            carried = (opener, number)
        elif (stack and stack[0][0] in _PARAGRAPH_OPENERS and _leads_quote(text[first:stack[0][1]])
              and not any(q.open_at > stack[0][1] for q in quotes)):
            # A paragraph that opens a quote and never closes it, with no other quote in it,
            # is quoted to its end ('-“We agree. The rest is detail.' as the last paragraph);
            # so is one whose quote follows a colon ('Ana Ruiz will say: “We agree. …').
            _, at, number = stack[0]
            quotes.append(Quote(at, *_trim(text, at + 1, end), end, number))
    return quotes


def _leads_quote(before: str) -> bool:
    """True when the text before a quote left open leaves the rest of its paragraph to the
    quote: nothing but line marks, or an introduction ending in a colon."""
    before = before.strip(LINE_MARKS + " \t")
    return not before or before.endswith(":")


def _outermost(quotes: list[Quote]) -> list[Quote]:
    """Drop quotes nested inside another quote ("… an American ‘backstop’ …")."""
    ordered = sorted(quotes, key=lambda q: (q.open_at, -q.close_at))
    kept: list[Quote] = []
    for quote in ordered:
        if kept and quote.open_at < kept[-1].close_at and quote.group != kept[-1].group:
            continue
        kept.append(quote)
    return kept


def _opens_with_dash(text: str, first: int, lexicon: Lexicon) -> bool:
    mark = text[first]
    if mark not in lexicon.quote_dashes:
        return False
    # A hyphen opens a quote only as "- Text"; "-5 degrees" or "--" do not.
    return mark != "-" or text[first + 1 : first + 2] == " "


def _interrupts(lexicon: Lexicon) -> re.Pattern[str]:
    """Where a dash quote may stop for its attribution: ', —', ',"', '."—'."""
    closing = re.escape("".join(sorted(lexicon.closing_marks)))
    return re.compile(
        rf"(?:[,.!?…]\s*[{closing}]?|[{closing}]\s*,?)\s*{_dash(lexicon)}\s*|,\s*[{closing}]\s+"
    )


def _dash(lexicon: Lexicon) -> str:
    """A dash as a pattern; a hyphen counts only with spaces round it (" - ")."""
    dashes = re.escape("".join(d for d in lexicon.quote_dashes if d != "-"))
    hyphen = r"|(?<=\s)-(?=\s)" if "-" in lexicon.quote_dashes else ""
    return rf"(?:[{dashes}]{hyphen})"


def _dash_paragraph(
    text: str, start: int, end: int, lexicon: Lexicon, is_attribution: IsAttribution, group: int
) -> list[Quote]:
    """Split a dash-quote paragraph into quote pieces around its attribution clauses.

    A paragraph opening with a quotation mark is read this way too when its quote is
    interrupted by a dash attribution ("“In Anchorage, we accepted …,— he said. — …").
    """
    first, end = _trim(text, start, end)
    if first >= end:
        return []
    dash = _opens_with_dash(text, first, lexicon)
    if not dash and text[first] not in lexicon.closers:
        return []
    pieces: list[Quote] = []
    opener = first
    cursor = first + 1
    interrupt = _interrupts(lexicon)
    while cursor < end:
        found = None
        for match in interrupt.finditer(text, cursor, end):
            if not dash and not re.search(_dash(lexicon), match.group()):
                continue
            clause_end = sentence_end(text, match.end(), end, lexicon)
            if clause_end > match.end() and is_attribution(match.end(), clause_end):
                found = (match, clause_end)
                break
        if found is None:
            break
        match, clause_end = found
        pieces.append(Quote(opener, *_trim(text, cursor, match.start()), match.start(), group,
                            True, (match.end(), clause_end)))
        resume = re.compile(rf"[.!?]?\s*{_dash(lexicon)}\s*").match(text, clause_end, end)
        if resume is None:
            return pieces
        opener = clause_end + len(resume.group().rstrip()) - 1
        cursor = resume.end()
    if not pieces and not dash:
        return []
    last = pieces[-1].attribution if pieces else None
    content = _trim(text, cursor, end)
    if content[1] > content[0]:
        pieces.append(Quote(opener, *content, end, group, True, last))
    return pieces
