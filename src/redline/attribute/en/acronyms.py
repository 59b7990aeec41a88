"""Acronyms an article defines, so that a speaker written short is named in full.

News introduces a body once in full with its short form in brackets ("the Centre for Port
Recovery (CPR) said …") and then writes only the short form ("CPR noted …", a headline
"CPR: …"). The record names the body as the article introduces it. A bracketed form counts
only when its letters are the initials of the capitalised words just before it, so a
bracketed party or place ("Jane Roe (Labour)", "the mayor (Oslo)") is no acronym.
"""

from __future__ import annotations

import re

# A bracketed run of capitals, with an optional lower-case plural or joiner ("NGOs" is not one).
_BRACKETED = re.compile(r"\(([A-Z][A-Z&]{1,9})\)")
# Capitalised words and the small words a name joins them with ("Institute for the Study of War").
_WORD = re.compile(r"[A-Z][\w’'.-]*|of|for|the|and|on|in|&")
_JOINERS = frozenset({"of", "for", "the", "and", "on", "in", "&"})


def acronyms(text: str) -> dict[str, str]:
    """Each short form the text defines in brackets, with the full name it follows.

    >>> acronyms("the Centre for Port Recovery (CPR) said")
    {'CPR': 'Centre for Port Recovery'}
    """
    found: dict[str, str] = {}
    for match in _BRACKETED.finditer(text):
        short = match.group(1)
        full = _expansion(text[: match.start()].rstrip(), short.replace("&", ""))
        if full is not None and short not in found:
            found[short] = full
    return found


def masked(text: str) -> str:
    """The text with each definition's brackets blanked, for the parser: "the Centre for
    Port Recovery (CPR) reports" parses "reports" as a noun, read without the brackets
    as the verb it is. Blanks keep every offset in place.

    >>> masked("the Centre for Port Recovery (CPR) reports")
    'the Centre for Port Recovery       reports'
    """
    return _BRACKETED.sub(
        lambda m: " " * len(m.group(0)) if _expansion(text[: m.start()].rstrip(), m.group(1).replace("&", "")) else m.group(0),
        text,
    )


def _expansion(before: str, letters: str) -> str | None:
    """The name that ends ``before`` whose capitalised words begin with ``letters``."""
    words = before.split()
    capitals = 0
    for start in range(len(words) - 1, -1, -1):
        word = words[start]
        if not _WORD.fullmatch(word):
            return None
        if word in _JOINERS:
            continue
        capitals += 1
        if capitals == len(letters):
            name = words[start:]
            initials = "".join(w[0] for w in name if w not in _JOINERS)
            return " ".join(name) if initials.upper() == letters.upper() else None
    return None
