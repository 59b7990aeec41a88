"""Russian speakers: one person per name whatever its case, and pronouns and roles resolved.

Russian inflects names ("Пескова", "Пескову" are Песков), and natasha's lemmas of rare
surnames are unreliable ("Мерца" -> "мерец"), so mentions are grouped by surname stem:
two surnames are one when they share all but the inflectional ending. A person's name is
the fullest form the article gives in the nominative, the case a title and a subject
take; the title words written before the name ("глава МИД Украины") are kept as the role.
A pronoun ("он", "по его словам") or a generic role noun ("дипломат", "министр") is the
last person who spoke, of the verb's gender; a specific role ("пресс-секретарь Кремля")
only a person introduced with the same noun, otherwise the role itself is the speaker.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from redline.attribute.ru.lexicon import Lexicon
from redline.attribute.ru.parse import Name, Parsed, Token

_TITLE_POS = frozenset({"NOUN", "ADJ", "PROPN"})
_TITLE_WORDS = 8
# A word with a dot inside ("Вестник.РУ"): a web address, the name of an online outlet.
_ADDRESS = re.compile(r"\w\.\w")
# The lengths of an acronym that may stand for an organisation the article names in full.
_ACRONYM_MIN = 2
_ACRONYM_MAX = 6


def same_stem(a: str, b: str) -> bool:
    """Two surname forms of one person: equal but for an ending of up to three letters.

    Adjectival surnames change two letters ("Зеленский", "Зеленского"), nouns one.
    """
    a, b = a.lower().replace("ё", "е"), b.lower().replace("ё", "е")
    common = 0
    for x, y in zip(a, b):
        if x != y:
            break
        common += 1
    shorter = min(len(a), len(b))
    return common >= 3 and common >= shorter - 2 and max(len(a), len(b)) - common <= 3


@dataclass
class Person:
    """One person of the article, however often and in whichever case named."""

    name: str
    nominative: bool
    gender: str | None
    first: int
    title: str | None = None
    roles: set[str] = field(default_factory=set)
    # Every lemma of the titles the person was introduced with ("пресс-секретарь президента РФ").
    titled: set[str] = field(default_factory=set)

    @property
    def surname(self) -> str:
        """The last word of the name, by which mentions are grouped."""
        return self.name.split()[-1]


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker: the name to report, the mention's span and the role words."""

    name: str
    start: int
    end: int
    role: str | None = None
    person: Person | None = None
    # An outlet's name: its report yields to a person it relays (attributor.py).
    outlet: bool = False


class People:
    """The persons an article names, and the speakers it has given so far."""

    def __init__(self, parsed: Parsed, lexicon: Lexicon) -> None:
        self.parsed = parsed
        self.lexicon = lexicon
        self._persons: list[Person] = []
        self._by_name: dict[Name, Person] = {}
        self.history: list[Person] = []
        for name in parsed.names:
            if name.kind == "PER":
                self._by_name[name] = self._add(name)

    def _add(self, name: Name) -> Person:
        tokens = self.parsed.tokens[name.first:name.last + 1]
        nominative = all(t.feats.get("Case", "Nom") == "Nom" for t in tokens)
        form = " ".join(t.text for t in tokens) if nominative else name_nominative(name, tokens)
        gender = next((t.feats["Gender"] for t in tokens if "Gender" in t.feats), None)
        span = self._title(name)
        title = " ".join(t.text for t in self.parsed.tokens[span[0]:span[1]]) if span else None
        person = next((p for p in self._persons if same_stem(p.surname, form.split()[-1])), None)
        if person is None:
            person = Person(form, nominative, gender, name.start)
            self._persons.append(person)
        elif (nominative, len(form.split())) > (person.nominative, len(person.name.split())):
            person.name, person.nominative = form, nominative
        if title:
            person.title = person.title or title
            words = self.parsed.tokens[span[0]:span[1]] if span else ()
            person.roles |= {t.lemma for t in words if t.lemma in self.lexicon.roles}
            person.titled |= {t.lemma for t in words}
        person.gender = person.gender or gender
        return person

    def _title(self, name: Name) -> tuple[int, int] | None:
        """The token range of the title words written just before a name ("замглавы МИД России") or after it."""
        tokens = self.parsed.tokens
        sentence = self.parsed.sentences[tokens[name.first].sentence]
        k = name.first
        # "посол Украины в НАТО Иван Петров": a preposition inside a title, between two of its nouns.
        while k > sentence.first and name.first - k < _TITLE_WORDS and (tokens[k - 1].pos in _TITLE_POS or (
                tokens[k - 1].pos == "ADP" and k - 1 > sentence.first and tokens[k - 2].pos in _TITLE_POS)):
            k -= 1
        while k < name.first and tokens[k].lemma not in self.lexicon.roles:
            k += 1
        if k < name.first and _owns(tokens[k], tokens[name.first]):
            # "помощник Иванова": the name owns the role, it does not hold it.
            return self._title_after(name)
        return (k, name.first) if k < name.first else self._title_after(name)

    def _title_after(self, name: Name) -> tuple[int, int] | None:
        """A title set off by commas after a name ("Ольга Петренко, посол Украины в НАТО, заявила")."""
        tokens = self.parsed.tokens
        end = self.parsed.sentences[tokens[name.last].sentence].last
        start = name.last + 2
        if start >= end or tokens[name.last + 1].text != "," or tokens[start].lemma not in self.lexicon.roles:
            return None
        stop = next((t.index for t in tokens[start:min(start + _TITLE_WORDS, end)] if t.text == ","), None)
        return (start, stop) if stop is not None else None

    def last(self, gender: str | None, role: str | None = None, body: frozenset[str] = frozenset()) -> Person | None:
        """The last person who spoke, of this gender (and introduced with this role noun)."""
        for person in reversed(self.history):
            if gender in (None, "Plur") or person.gender in (None, gender):
                if role is None or self._holds(person, role, body):
                    return person
        return None

    def _holds(self, person: Person, role: str, body: frozenset[str]) -> bool:
        """The person holds the role: introduced with it, or with a noun of its office for the same body."""
        if role in person.roles:
            return True
        return bool(self.lexicon.office(role) & person.roles) and bool(body) and bool(
            self.lexicon.body(set(body)) & person.titled)

    def spoke(self, speaker: Speaker) -> None:
        """Record a resolved speaker, for the pronouns and roles that follow."""
        if speaker.person is not None:
            self.history.append(speaker.person)

    def resolve(self, first: int, last: int, head: int, gender: str | None, relayed: bool = False) -> Speaker | None:
        """The speaker of the phrase ``tokens[first:last + 1]`` headed by ``head`` (None: no one).

        ``relayed``: the cue is a relay verb ("передает"), by which an article cites an outlet;
        the speaker is then marked as an outlet.
        """
        tokens = self.parsed.tokens
        start, end = tokens[first].start, tokens[last].end
        names = [n for n in self.parsed.names if n.first >= first and n.last <= last]
        people = [n for n in names if n.kind == "PER" and not self._owner(n, head)]
        if people:
            name = next((n for n in people if n.first <= head <= n.last), people[-1])
            person = self._by_name[name]
            return Speaker(person.name, start, end, person.title, person)
        word = tokens[head]
        spelled = self._spelled_out(word.text)
        if spelled is not None and not people:
            return Speaker(spelled, start, end)
        known = next((p for p in self._persons if word.pos == "PROPN" and same_stem(p.surname, word.text)), None)
        if known is not None:
            return Speaker(known.name, start, end, known.title, known)
        if word.lemma in self.lexicon.pronouns:
            return self._refer(start, end, gender or self.lexicon.pronouns[word.lemma])
        if word.lemma in self.lexicon.speakerless and last == first:
            return None
        roles = [t for t in tokens[first:last + 1] if t.lemma in self.lexicon.roles]
        outlet = not roles and (relayed or self._outlet(first, last))
        phrase = self.parsed.text[start:end]
        plural = word.feats.get("Number") == "Plur"
        if roles and word.pos == "NOUN" and not plural and not (names and word.index >= names[0].first):
            role = roles[0].lemma
            body = frozenset(t.lemma for t in tokens[first:last + 1]
                             if t.pos in ("NOUN", "PROPN") and t.lemma not in self.lexicon.roles)
            found = self._refer(start, end, gender, role, role in self.lexicon.specific_roles, phrase, body)
            if found is not None:
                return found
        return Speaker(_nominative(tokens[first:last + 1], names, phrase), start, end, phrase if roles else None,
                       outlet=outlet)

    def _owner(self, name: Name, head: int) -> bool:
        """A person named in the genitive after a role noun: the one whose aide speaks.

        "пресс-секретарь президента Иванова заявил" is the press secretary speaking, not
        Иванов; the name owns the role rather than holds it.
        """
        tokens = self.parsed.tokens
        return (tokens[head].lemma in self.lexicon.roles and name.first > head
                and _owns(tokens[head], tokens[name.first]))

    def _spelled_out(self, word: str) -> str | None:
        """The organisation an acronym stands for, named in full in the article ("СВР": "Служба внешней разведки")."""
        if not (_ACRONYM_MIN <= len(word) <= _ACRONYM_MAX and word.isupper() and word.isalpha()):
            return None
        for name in self.parsed.names:
            words = [t.text for t in self.parsed.tokens[name.first:name.last + 1] if t.text.isalpha()]
            if name.kind == "ORG" and len(words) >= len(word) and "".join(w[0] for w in words[:len(word)]).upper() == word:
                # "Служба внешней разведки России": the country after the name stays in the genitive.
                country = next((n for n in self.parsed.names if n.first == name.last + 1 and n.kind == "LOC"), None)
                return f"{name.normal} {country.text}" if country is not None else name.normal
        return None

    def _outlet(self, first: int, last: int) -> bool:
        """An outlet's name: headed by an outlet noun, a title in quotation marks, or a web address."""
        tokens = self.parsed.tokens
        # The two characters after the phrase: the tagger may cut an address at its dot.
        if _ADDRESS.search(self.parsed.text[tokens[first].start:tokens[last].end + 2]):
            return True
        if any(t.lemma in self.lexicon.relays for t in tokens[first:last + 1]):
            return True
        if first == 0 or last + 1 >= len(tokens):
            return False
        closers = self.lexicon.closers.get(tokens[first - 1].text)
        return closers is not None and tokens[last + 1].text in closers

    def _refer(self, start: int, end: int, gender: str | None, role: str | None = None,
               specific: bool = False, phrase: str | None = None, body: frozenset[str] = frozenset()) -> Speaker | None:
        """The person a pronoun or role refers to: the last speaker, else one with that role."""
        person = self.last(gender, role if specific else None, body)
        if person is None and not specific:
            # Nobody has spoken yet: the last person named before, of the verb's gender.
            person = next((p for p in reversed(self._persons) if p.first < start
                           and (gender in (None, "Plur") or p.gender in (None, gender))), None)
        if person is None and role is not None:
            # A role before the name it stands for ("…, заявил глава МИД" in a lead): the
            # person introduced with that role, else (a generic role) the next one named.
            person = next((p for p in self._persons if self._holds(p, role, body)), None)
            if person is None and not specific:
                person = next((p for p in self._persons if p.first > end), None)
        if person is None:
            return None
        return Speaker(person.name, start, end, phrase or person.title, person)


def _owns(role: Token, name: Token) -> bool:
    """A genitive name after a role noun in another case: the role's owner ("советник Петрова")."""
    return name.feats.get("Case") == "Gen" and role.feats.get("Case") not in (None, "Gen")


def _nominative(tokens: tuple[Token, ...], names: list[Name], phrase: str) -> str:
    """An organisation or place speaker in the nominative ("в Москве" -> "Москва")."""
    if len(names) == 1 and tokens and tokens[0].feats.get("Case") not in (None, "Nom"):
        return names[0].normal
    return phrase


def name_nominative(name: Name, tokens: Sequence[Token]) -> str:
    """A name's nominative: the recogniser's, with a word it left in its case ("Давида
    Арахамии" -> "Давид Арахамии") put in its lemma's form ("Арахамия")."""
    words = name.normal.split()
    if len(words) != len(tokens):
        return name.normal
    return " ".join(t.lemma.capitalize() if w == t.text and t.feats.get("Case", "Nom") != "Nom"
                    and t.lemma and t.lemma != t.text.lower() and "-" not in w else w
                    for w, t in zip(words, tokens))
