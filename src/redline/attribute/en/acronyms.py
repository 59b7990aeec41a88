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
# A short form written alone: two to five capitals between word boundaries ("EU", "NATO").
_SHORT = re.compile(r"\b[A-Z]{2,5}\b")


def acronyms(text: str, roles: frozenset[str] = frozenset()) -> dict[str, str]:
    """Each short form the text defines in brackets, with the full name it follows, and
    each it spells out elsewhere (a name of ``roles`` words, "Prime Minister", is a title
    and stays short).

    >>> acronyms("the Centre for Port Recovery (CPR) said")
    {'CPR': 'Centre for Port Recovery'}
    """
    found: dict[str, str] = {}
    for match in _BRACKETED.finditer(text):
        short = match.group(1)
        full = _expansion(text[: match.start()].rstrip(), short.replace("&", ""))
        if full is not None and short not in found:
            found[short] = full
    for short in sorted(set(_SHORT.findall(text)) - set(found)):
        full = _spelled_out(text, short)
        if full is not None and not roles & set(full.lower().split()):
            found[short] = full
    return found


def _spelled_out(text: str, short: str) -> str | None:
    """The one name the text writes in full whose capitalised words begin with the short
    form's letters, brackets or not ("… join the European Union. The EU has said …").

    >>> _spelled_out("Talks with the European Union stalled. The EU said no.", "EU")
    'European Union'
    """
    joiner = r"(?:\s+(?:of|for|the|and|on|in|&))*\s+"
    pattern = r"\b" + joiner.join(letter + r"[a-z][\w’'-]*" for letter in short) + r"\b"
    names = {" ".join(m.group(0).split()) for m in re.finditer(pattern, text)}
    return names.pop() if len(names) == 1 else None


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
