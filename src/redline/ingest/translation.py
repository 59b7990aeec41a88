"""Machine translation: does an article say it was machine translated, and by what?

Translated news often ends with a credit to the service that translated it ("Translated by
Google Translate", "Переведено сервисом «Яндекс Переводчик»"). Cleaning removes such a footer
from the text; this stage reads it in the raw text, where it is still present, and names
the service as translation.yaml spells it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from redline.ingest.clean import TRANSLATION_FOOTER, Lexicon, Rule, lexicon
from redline.models import Removal

# A footer sometimes trails the last sentence of a paragraph instead of standing alone.
_SENTENCE_END = re.compile(r"(?<=[.!?»”\"])\s+")


def _service(name: str | None, lex: Lexicon) -> str | None:
    """The canonical name of a service as a footer writes it."""
    if not name:
        return None
    written = " ".join(name.split())
    for canonical, pattern in lex.services:
        if pattern.fullmatch(written):
            return canonical
    return written


def _footer(line: str, footers: Sequence[Rule], lex: Lexicon) -> tuple[bool, str | None]:
    tail = _SENTENCE_END.split(line)[-1]
    for candidate in dict.fromkeys((line, tail)):
        for rule in footers:
            found = rule.pattern.fullmatch(candidate)
            if found:
                return True, _service(found.groupdict().get("service"), lex)
    return False, None


def machine_translation(raw_text: str, removed: Sequence[Removal]) -> tuple[bool, str | None]:
    """Whether the raw text carries a machine-translation footer, and the service it names."""
    lex = lexicon()
    flagged = any(removal.reason == TRANSLATION_FOOTER for removal in removed)
    footers = [rule for rule in lex.rules["lines"] if rule.reason == TRANSLATION_FOOTER]
    for line in raw_text.splitlines():
        line = line.strip()
        if line and len(line) <= lex.limits["paragraph_max_chars"]:
            translated, service = _footer(line, footers, lex)
            if translated:
                return True, service
    return flagged, None
