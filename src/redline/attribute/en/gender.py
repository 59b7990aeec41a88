"""A person's gender, so that "she" never resolves to a man: titles, role nouns, given names.

Titles and gendered role nouns come from the lexicon ("Ms", "spokesman"); a given name is
looked up in a general first-name dictionary (gender-guesser's, tens of thousands of names
across many countries), never in a list written for one corpus. ``nameparser`` splits the
given name from titles and surnames ("Sir Keir Starmer" -> title "Sir", first "Keir").
Only names the dictionary calls plainly male or female count: "mostly" and unisex names
leave the person compatible with either pronoun.
"""

from __future__ import annotations

from functools import lru_cache

from gender_guesser.detector import Detector
from nameparser import HumanName

from redline.attribute.en.lexicon import Lexicon

_BY_DICTIONARY = {"male": "masculine", "female": "feminine"}


class _Dictionary(Detector):  # type: ignore[misc]
    """gender-guesser's detector with its name file read in one go: the package reads its
    4 MB file a line at a time through ``codecs``, which is half the cost of loading it in
    every process. The lines and what is made of them are the package's own (``codecs``
    splits lines as ``str.splitlines`` does, and the package strips each)."""

    def _parse(self, filename: str) -> None:
        self.names: dict[str, dict[str, str]] = {}
        with open(filename, encoding="utf-8", newline="") as file:
            lines = file.read().splitlines()
        for line in lines:
            self._eat_name_line(line.strip())


@lru_cache(maxsize=1)
def _detector() -> Detector:
    """The first-name dictionary, read once per process (about a tenth of a second)."""
    return _Dictionary(case_sensitive=False)


def given_name_gender(given: str) -> str | None:
    """'feminine' or 'masculine' for a given name the dictionary is sure of, else None."""
    if not given.isalpha():
        return None
    return _BY_DICTIONARY.get(_detector().get_gender(given))


@lru_cache(maxsize=8192)
def name_parts(name: str) -> tuple[str, str]:
    """(title, given name) of a written name: the parser costs a millisecond a call, and an
    article (and a corpus) names the same people again and again."""
    parsed = HumanName(name)
    return parsed.title, parsed.first


def person_gender(lexicon: Lexicon, name: str, written: str = "", role: str | None = None) -> str | None:
    """The gender a person's title, role or given name tells ("Ms Roe", "the spokesman")."""
    title = name_parts(written or name)[0]
    told = lexicon.gender([*(role or "").split(), *title.split(), *written.split()[:1]])
    if told is not None:
        return told
    first = name_parts(name)[1]
    return given_name_gender(first) if first and len(name.split()) > 1 else None
