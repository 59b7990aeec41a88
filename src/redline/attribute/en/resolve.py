"""Speaker resolution: fullest names, and pronouns and role nouns back to a named speaker.

Resolution follows how news text refers back: a pronoun names the subject of a recent
sentence ("Peskov was blunter. '…,' he said"), a definite role noun the person last
introduced with a matching role ("Deputy Foreign Minister Alexander Grushko … the
diplomat noted"), "the ministry" the organisation last named with that word. Quoted text
is skipped: the people a speaker talks about are not the ones who speak.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from redline.attribute.en.acronyms import acronyms
from redline.attribute.en.gender import person_gender
from redline.attribute.en.lexicon import Lexicon
from redline.attribute.en.parse import Parsed, offset
from redline.attribute.en.speakers import NAMED, Mention, clean, entity_of, mention, named_entities

# How many sentences back a pronoun may look for its speaker.
_PRONOUN_REACH = 6
# Object pronouns, which never stand for the subject of their own clause.
_OBJECT_PRONOUNS = frozenset({"him", "her", "them"})
_SUBJECT = frozenset({"nsubj", "nsubjpass"})
# Entity labels of places, which a venue phrase names as where, not who.
_PLACES = frozenset({"GPE", "LOC", "FAC"})
# A lone surname no one was introduced with may be another spelling of one who was: it
# needs this many letters, the same first letters and a length this close.
_VARIANT_MIN = 5
_VARIANT_PREFIX = 3
_VARIANT_SPREAD = 3
# Letters a place's name and its adjective share ("Russia", "Russian"; "Turkey", "Turkish").
_PLACE_PREFIX = 3
# Letters a place's adjective shares with its name ("Russ-ian", "Isra-eli", "Brit-ish").
_ADJECTIVE_PREFIX = 4
# How close after an unnamed source of the lead ("a senior diplomat said …") the lines that
# name it come, in sentences.
_LEAD_REACH = 2
# The most words a name the tagger took for an organisation may have to be read as a person's.
_MISTAGGED_WORDS = 3
# A resolved speaker: name, kind ("person", "organisation", ...), role, confidence factor.
Resolved = tuple[str, str, str | None, float]


@dataclass(frozen=True)
class Referent:
    """Someone the text has named at a position: a candidate for a later pronoun."""

    position: int
    sentence: int
    name: str
    kind: str
    role: str | None
    subject: bool
    # Named in the text (not a role left unresolved), and a speaker of a statement.
    named: bool = True
    spoke: bool = False
    # The entity label the recogniser gave the name, when it was read from an entity.
    label: str = ""
    # The subject of its sentence's main clause (or a speaker), not of a clause inside it.
    main: bool = True


class Names:
    """The names an article gives, to lengthen a short form to the fullest one."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.persons: list[str] = []
        self.others: list[str] = []
        # Short forms the article defines ("… (CPR)"), with the full name before them.
        self.acronyms: dict[str, str] = {}

    def add(self, name: str, person: bool) -> None:
        """Record a name as the article writes it."""
        target = self.persons if person else self.others
        name = self.strip(name, roles=person)
        if name and name not in target:
            target.append(name)

    def strip(self, name: str, roles: bool = True) -> str:
        """A name without honorifics or, for a person, a title the entity took in ("Mr Peskov"
        -> "Peskov", "Mayor Ana Ruiz" -> "Ana Ruiz"; but "General Mills" stays)."""
        words = clean(name).split()
        titles = (*self.lexicon.honorifics, *(self.lexicon.person_roles if roles else ()))
        # A title anywhere before the name ends what came before it too: "Ukraine Prez
        # Zelensky" (a headline's place and title run into the entity) is "Zelensky".
        last = max((k for k, w in enumerate(words[:-1]) if w.lower().rstrip(".") in titles), default=-1)
        return " ".join(words[last + 1:])

    def fullest(self, name: str) -> tuple[str, bool | None]:
        """The longest form of a name the article gives, and whether it names a person.

        A person's short form shares the surname and every word ("Peskov", "Mr Peskov" ->
        "Dmitry Peskov"); an organisation's is an ending ("Foreign Ministry"). Whether it is
        a person is None when the article names it nowhere else. A short form the article
        defines is its full name ("CPR" -> "Centre for Port Recovery").
        """
        name = self.strip(name)
        name = self.acronyms.get(name, name)
        words = name.lower().split()
        if not words:
            return name, None
        for known, person in ((self.persons, True), (self.others, False)):
            best = None
            for candidate in known:
                lowered = candidate.lower().split()
                if person:
                    fits = lowered[-1] == words[-1] and all(
                        any(_spelling(w, v) for v in lowered) for w in words)
                else:
                    # "Foreign Ministry" is the "Russian Foreign Ministry", but "Turkey" is not
                    # "the Foreign Ministries of Turkey": a body of a place is not the place.
                    fits = lowered[-len(words):] == words and lowered[-len(words) - 1 : -len(words)] != ["of"]
                if fits and (best is None or _fuller(candidate, best)):
                    best = candidate
            lone = person and (best is None or len(best.split()) == 1)
            variant = (self._variant(words) or self._given(words)) if lone else None
            if variant is not None:
                return variant, True
            if best is not None:
                return best, person
        return name, None

    def _variant(self, words: list[str]) -> str | None:
        """The one person named in full whose surname a lone surname spells another way
        (a translated article may write "Kovalenko" and later "Kovalenco", "Kovalinko").

        The two must share their first letters and be of like length; with two such people
        in the article, neither is chosen."""
        if len(words) != 1 or len(words[0]) < _VARIANT_MIN:
            return None
        word = words[0]
        found = {p for p in self.persons if len(p.split()) > 1 and _variant_of(word, p.lower().split()[-1])}
        return found.pop() if len(found) == 1 else None


    def _given(self, words: list[str]) -> str | None:
        """The one person named in full whose given name a lone word is, when it is no one's
        surname: a knight is "Sir Ian" after "Sir Ian Hale", and a profile may say "Ana" after
        "Ana Ruiz". With two people of that given name, neither is chosen."""
        if len(words) != 1:
            return None
        persons = [p.lower().split() for p in self.persons]
        if any(p[-1] == words[0] for p in persons if len(p) > 1):
            return None
        found = {p for p, w in zip(self.persons, persons) if len(w) > 1 and w[0] == words[0]}
        return found.pop() if len(found) == 1 else None


def _written(name: str, text: str) -> bool:
    """Whether the text writes the name as a whole word. The plain substring test first
    spares nearly every pack person an article does not name a regex scan of the whole
    text (a scan for each listed person, for each document, was a tenth of attribution)."""
    return name in text and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) is not None


class Resolver:
    """Resolves pronouns and role nouns to the named speakers that precede them."""

    def __init__(self, parsed: Parsed, lexicon: Lexicon, quoted: Callable[[int], bool],
                 persons: Sequence[str] = ()) -> None:
        self.parsed = parsed
        self.lexicon = lexicon
        self.names = Names(lexicon)
        self.names.acronyms = acronyms(parsed.text, frozenset(lexicon.person_roles))
        self.referents: list[Referent] = []
        # Each person's gender, once a title, role noun or given name tells it.
        self.genders: dict[str, str] = {}
        # What resolved statements report: the people named there are talked about.
        self.contents: list[tuple[int, int]] = []
        # Role nouns no earlier name fits, by where they are written: a name given later
        # may still fit ("The chief negotiator turned down the offer. … Jane Roe said").
        self.pending: dict[int, list[str]] = {}
        self.unresolved: set[str] = set()
        # Pending roles written bare or as "one of …", which a later speaker may name.
        self.openers: set[int] = set()
        # Unnamed people of the lead ("a senior diplomat was quoted …"), by where written.
        self.leads: set[int] = set()
        written: set[str] = set()
        for known in persons:
            # A person the pack lists is one wherever the article writes the name.
            if _written(known, parsed.text):
                self.names.add(known, True)
                written.add(known)
        for doc in parsed.docs:
            # Every unit shares the article's names, so that a name the tagger missed in a
            # headline is still a name there ("Vasko says …").
            doc.user_data["names"] = written
            for ent in named_entities(doc):
                if ent.label_ in NAMED:
                    self.names.add(ent.text, ent.label_ == "PERSON")
                    written.add(ent.text)
                    if ent.label_ == "PERSON" and len(ent) > 1:
                        # "Tim Long … Long said": a surname alone is a name too.
                        written.add(ent[-1].text)
        for doc in parsed.docs:
            for ent in named_entities(doc):
                if ent.label_ in NAMED and not quoted(offset(ent[0])):
                    self._add_entity(ent.root)
            for token in doc:
                if token.dep_ in _SUBJECT and token.tag_ in ("NNS", "NNPS") and not quoted(offset(token)):
                    self._add_group(token)
                elif token.dep_ in _SUBJECT and token.pos_ == "PROPN" and entity_of(token) is None:
                    self._add_known_person(token)

    def _add_entity(self, root: Token) -> None:
        found = mention(root, self.lexicon)
        ent = entity_of(root)
        if found is None or found.name is None or ent is None or self._venue(root, ent.label_):
            return
        role = found.role
        head = root.head
        if role is None and root.dep_ in ("appos", "compound", "pobj") and head.i != root.i:
            above = mention(head, self.lexicon)
            role = above.role if above is not None and above.name == found.name else role
        subject = root.dep_ in _SUBJECT or (root.dep_ in ("appos", "compound") and head.dep_ in _SUBJECT)
        clause = root.head if root.dep_ in _SUBJECT else head.head
        main = subject and clause.head.i == clause.i
        name, person = self.names.fullest(found.name)
        kind = "person" if (person if person is not None else ent.label_ == "PERSON") else "organisation"
        kind = "person" if self._person_role(role) else kind
        if kind == "person":
            self._learn_gender(name, found.text, role)
        self.referents.append(Referent(
            offset(ent[0]), self.parsed.sentence_at(offset(ent[0])).index, name, kind, role, subject,
            label=ent.label_, main=main,
        ))

    def _venue(self, root: Token, label: str) -> bool:
        """Whether a place is named as where something happens ("held in Vienna", "flew to
        Oslo"): the object of a place preposition, or of a destination one after a verb."""
        prep = root.head
        if label not in _PLACES or root.dep_ != "pobj" or prep.dep_ != "prep":
            return False
        word = prep.lower_
        return word in self.lexicon.place_prepositions or (
            word in self.lexicon.destination_prepositions and prep.head.pos_ in ("VERB", "AUX"))

    def _add_known_person(self, token: Token) -> None:
        """A subject the recogniser missed here but the article names as a person elsewhere
        ("Pep Vos … Vos feels the side is tired"), for a later "he"."""
        name, person = self.names.fullest(token.text)
        if person:
            position = offset(token)
            self.referents.append(Referent(position, self.parsed.sentence_at(position).index, name, "person",
                                           None, True, main=token.head.head.i == token.head.i))

    def _add_group(self, head: Token) -> None:
        """A plural subject that can speak ("European leaders backed …"), for a later "they"."""
        found = mention(head, self.lexicon)
        if found is not None and found.kind == "group" and found.name:
            position = offset(head)
            self.referents.append(Referent(
                position, self.parsed.sentence_at(position).index, found.name, "group", None, True))

    def add(self, position: int, name: str, kind: str, role: str | None,
            written: str = "", content: tuple[int, int] | None = None, main: bool = True) -> None:
        """Record a resolved speaker (and what it said) so that later pronouns can refer to it;
        ``main`` is False for one that speaks in a relative clause ("the plan, which calls
        for …"), which does not hold the floor against its sentence's subject."""
        sentence = self.parsed.sentence_at(position).index
        if kind == "person":
            self._learn_gender(name, written, role)
        if content is not None and kind in ("person", "name"):
            # A person's words are about others, who do not take a later "he" from them; a
            # body or an outlet cannot be "he", so the people its report names still can
            # ("According to the paper, Ron Vos spoke on Monday. He said …").
            self.contents.append(content)
        self.referents.append(Referent(position, sentence, name, kind, role, True,
                                       named=name not in self.unresolved, spoke=True, main=main))

    def _learn_gender(self, name: str, written: str, role: str | None) -> None:
        """Note a person's gender from a title, a role noun or the given name, when told."""
        honorifics = [w for w in written.split() if w.lower().rstrip(".") in self.lexicon.honorifics]
        gender = person_gender(self.lexicon, name, " ".join(honorifics), role)
        if gender is not None and name not in self.genders:
            self.genders[name] = gender

    def speaker(self, found: Mention) -> Resolved | None:
        """(speaker, kind, role, confidence factor) for a mention, resolving if needed."""
        factors = self.lexicon.confidence
        if found.kind == "pronoun":
            accept = self._pronoun_accepts(found)
            gender = self.lexicon.gender([found.text])
            if gender is not None:
                # "she" is not a man the article has named: skip a person of the other gender.
                referent = self._walk(found.start, lambda r: accept(r) and self.genders.get(r.name, gender) == gender)
            else:
                referent = self._walk(found.start, accept)
            if (referent is None or not referent.named) and found.refer == "person":
                # An unfamiliar name the tagger took for an organisation, which spoke: "he"
                # has no one else to be ("Vasko said …. He added …"), or no one but a role
                # still unnamed ("Minister says …" above "Ana Vasko said …. He said …").
                mistagged = self._walk(found.start, self._mistagged_person)
                if mistagged is not None and (referent is None or mistagged.position > referent.position):
                    return _as_tuple(mistagged, factors.pronoun * factors.pronoun)
            return _as_tuple(referent, factors.pronoun) if referent else None
        if found.kind == "role":
            return self._role(found)
        assert found.name is not None
        lead = found.indefinite and self._lead(found.start)
        if lead:
            # Named, if at all, by the lines that follow the lead (``forward``); until then
            # as unsure as any role not yet resolved.
            self.pending[found.start] = (found.refer or "").split()
            self.leads.add(found.start)
            # Not yet a name: a headline's "Lawmaker warns …" waits for the one given below.
            self.unresolved.add(found.name)
        name, kind = found.name, found.kind
        if kind in ("person", "organisation", "name"):
            name, person = self.names.fullest(found.name)
            if person is not None:
                kind = "person" if person else "organisation"
        role = found.role
        # "Jan Vos, director of the institute": a person's role makes a person of the name.
        kind = "person" if kind != "group" and self._person_role(role) else kind
        if kind == "person" and role is None:
            role = next((r.role for r in reversed(self.referents) if r.name == name and r.role), None)
        return name, kind, role, factors.unresolved if lead else 1.0

    def _pronoun_accepts(self, found: Mention) -> Callable[[Referent], bool]:
        """Which referents a pronoun may stand for: those of its kind, and for an object
        pronoun none that is its own clause's subject ("Kyiv, according to him, …")."""
        accept = _accepts(found.refer or "person")
        written = self.parsed.tokens_between(found.start, found.end)
        if not (written and written[0].dep_ in ("pobj", "dobj") and found.text.lower() in _OBJECT_PRONOUNS):
            return accept
        here = self.parsed.sentence_at(found.start).index
        return lambda r: accept(r) and not (r.subject and r.sentence == here)

    def _lead(self, position: int) -> bool:
        """True for a source written before any named person's statement, whom the article
        does not say it keeps unnamed ("speaking on condition of anonymity"): the lead's
        source, whom news names in the lines that follow."""
        sentence = self.parsed.sentence_at(position)
        if any(t.lemma_.lower() in self.lexicon.anonymity_words for t in sentence.span):
            return False
        return not any(r.spoke and r.named and r.kind == "person" and r.sentence < sentence.index
                       for r in self.referents)

    def _mistagged_person(self, referent: Referent) -> bool:
        """True for an organisation of one to three capitalised words that spoke, none of
        them a word of the lexicon ("Vasko", "Mevan Talu"; not "Foreign Ministry")."""
        words = referent.name.split()
        known = {*self.lexicon.organisation_nouns, *self.lexicon.kind_nouns, *self.lexicon.group_nouns,
                 *self.lexicon.person_roles, *self.lexicon.outlet_nouns}
        return (referent.kind == "organisation" and referent.spoke and 1 <= len(words) <= _MISTAGGED_WORDS
                and all(w[:1].isupper() and not w.isupper() and w.lower() not in known for w in words))

    def _person_role(self, role: str | None) -> bool:
        """True for a role whose head is a person's ("director of the institute")."""
        words = (role or "").lower().split()
        head = words[: words.index("of")] if "of" in words else words
        return bool(head) and head[-1] in self.lexicon.person_roles

    def _role(self, found: Mention) -> Resolved | None:
        factors = self.lexicon.confidence
        words = (found.refer or "").split()
        if found.role is None:
            # "the ministry": the organisation last named with that word; in the opening
            # lines ("Ministry says …" in a headline), else the first named with it below.
            pool = list(reversed(self._before(found.start)))
            if self._opening(found.start):
                pool += self._after(found.start)
            for referent in pool:
                if referent.kind != "person" and words and self._same_body(words[-1], referent.name.lower().split()):
                    return _as_tuple(referent, factors.role)
            issuer = self._issuer(words[-1] if words else "", found.start)
            if issuer is not None:
                return _as_tuple(issuer, factors.role)
            return clean(found.text), "organisation", None, factors.unresolved
        # A headline's bare role ("Minister says …") comes before the text that names it; a
        # role an organisation qualifies ("the UN High Commissioner") is that office, not
        # whoever was named last.
        walk = not found.forward and not found.bare and not self._office(found)
        person = None if found.forward else (
            self._by_role(words, found.start, strict=found.bare)
            or (self._walk(found.start, lambda r: r.kind in ("person", "name") and not self._other_place(
                words, self._known_role(r).lower().split())) if walk else None))
        if person is None:
            self.pending[found.start] = words
            if found.forward or found.bare:
                self.openers.add(found.start)
            self.unresolved.add(clean(found.text))
            return clean(found.text), "person", found.role, factors.unresolved
        return _as_tuple(person, factors.role)

    def _same_body(self, word: str, name: list[str]) -> bool:
        """Whether "the <word>" can stand for a body of that name: a word of its name, or any
        gathering for a gathering ("the meeting" for the "EAC and SADC summit")."""
        gatherings = self.lexicon.gathering_nouns
        return word in name or (word in gatherings and bool(name) and name[-1] in gatherings)

    def _known_role(self, referent: Referent) -> str:
        """The role the article gives a person anywhere ("Armenian Prime Minister"), or ""."""
        return referent.role or next((r.role for r in self.referents if r.name == referent.name and r.role), "")

    def _office(self, found: Mention) -> bool:
        """Whether an organisation's name before the role noun qualifies it ("the UN envoy",
        "the United Nations High Commissioner for Refugees"); an "of" phrase after it ("head
        of the regime") may still name the office of someone the text has named."""
        words = [t for t in self.parsed.sentence_at(found.start).span if found.start <= offset(t) < found.end]
        head = next((k for k, t in enumerate(words) if t.lower_ in self.lexicon.person_roles), len(words))
        return any(t.ent_type_ == "ORG" for t in words[:head])

    def _issuer(self, word: str, position: int) -> Referent | None:
        """Who "the statement" or "the company" stands for: the last speaker for a thing
        issued ("In a statement, the union urged …. The statement said …"), the organisation
        last named for a kind of body ("Acme Corp said …. The company expects …")."""
        if word in self.lexicon.issued_nouns:
            return self._walk(position, lambda r: r.spoke)
        if word in self.lexicon.kind_nouns:
            # The body the article is about: the organisation named most often so far, in
            # what others said about it too (the latest of equals), never a person the
            # recogniser once took for an organisation.
            # In the opening lines ("Group rejects plan" in a deck) that is the body the whole
            # article names most: the lines above it are a headline and the site's furniture.
            pool = self._before(position) + (self._after(position) if self._opening(position) else [])
            bodies = [r for r in pool if r.label == "ORG" and r.kind != "person"]
            counts = Counter(r.name for r in bodies)
            return max(reversed(bodies), key=lambda r: counts[r.name], default=None)
        return None

    def _opening(self, position: int) -> bool:
        """True in the article's opening lines (headline, deck, the site's furniture)."""
        return self.parsed.sentence_at(position).index <= _LEAD_REACH

    def forward(self, position: int) -> Resolved | None:
        """The named person a role left unresolved at ``position`` turns out to be: the first
        one named later with a fitting role, or, for a role in the opening lines (a headline
        "Minister says …"), the first named speaker after it."""
        words = self.pending.get(position)
        if words is None:
            return None
        later = [r for r in self._after(position) if r.kind == "person" and r.named]
        head = next((w for w in reversed(words) if w.rstrip("s") in self.lexicon.person_roles
                     or w in self.lexicon.person_roles), None)
        if head is not None:
            related = self.lexicon.role_class(head) | self.lexicon.role_class(head.rstrip("s"))
            fitting = [r for r in later if set((r.role or "").lower().split()) & related
                       and not self._other_place(words, (r.role or "").lower().split())]
            if fitting:
                # "UK PM" is the later "UK Prime Minister …", not a foreign president named first.
                best = max(fitting, key=lambda r: (len(set((r.role or "").lower().split()) & set(words)), -r.position))
                return _as_tuple(best, self.lexicon.confidence.role)
        here = self.parsed.sentence_at(position).index
        if position in self.leads:
            # "A senior diplomat was quoted as saying …. '…,' Deputy Minister Jo Roe said":
            # the next named speaker, in the lines right after the lead.
            near = [r for r in later if r.spoke and r.sentence - here <= _LEAD_REACH
                    and not self._other_place(words, (r.role or "").lower().split())]
            return _as_tuple(near[0], self.lexicon.confidence.role) if near else None
        opening = position in self.openers and here <= 1
        # A name the tagger took for an organisation's is a person's only when no one else spoke.
        speakers = [r for r in later if r.spoke] or [r for r in self._after(position) if self._mistagged_person(r)]
        return _as_tuple(speakers[0], self.lexicon.confidence.role) if opening and speakers else None

    def _before(self, position: int) -> list[Referent]:
        return sorted((r for r in self.referents if r.position < position), key=lambda r: r.position)

    def _after(self, position: int) -> list[Referent]:
        return sorted((r for r in self.referents if r.position > position), key=lambda r: r.position)

    def _by_role(self, words: list[str], position: int, strict: bool = False) -> Referent | None:
        """The latest person whose role fits the role noun best ("the Russian president");
        ``strict`` wants a word in common besides the role ("UK PM" is not "Russian President")."""
        head = next((w for w in reversed(words) if w in self.lexicon.person_roles), None)
        if head is None:
            return None
        related = self.lexicon.role_class(head)
        best: tuple[int, int, Referent] | None = None
        before = self._before(position)
        # The last speaker keeps the floor: "Ana Ruiz, meeting President Tom Vos, said …. '…,'
        # the president added" is Ruiz when her role fits as well as his.
        last = next((r for r in reversed(before) if r.spoke and r.kind == "person" and r.named), None)
        for referent in before:
            role_words = set((referent.role or "").lower().split())
            if referent.kind != "person" or not referent.named or not role_words & related:
                continue
            if _other_holder(words, (referent.role or "").lower().split()) or self._other_place(words, role_words):
                continue
            score = (len(role_words & set(words)), referent.position)
            if strict and not (role_words & set(words)) - related:
                continue
            if best is None or score >= best[:2]:
                best = (*score, referent)
        if best is not None and last is not None and last.name != best[2].name:
            mine = set((last.role or "").lower().split())
            fits = mine & related and not _other_holder(words, (last.role or "").lower().split())
            if fits and len(mine & set(words)) >= best[0]:
                return last
        return best[2] if best else None

    def _other_place(self, words: list[str], role: Collection[str]) -> bool:
        """True when two roles name different places: "Russia's foreign minister" is not
        the "Ukrainian Foreign Minister" (a place and its adjective share their start)."""
        places = {n.lower() for n in self.names.others if " " not in n}

        def place(word: str) -> bool:
            # The place, or its adjective ("russian" for Russia, "israeli" for Israel).
            return word in places or (len(word) >= _ADJECTIVE_PREFIX and word not in self.lexicon.person_roles
                                      and any(p[:_ADJECTIVE_PREFIX] == word[:_ADJECTIVE_PREFIX] for p in places))

        mine = {w[:_PLACE_PREFIX] for w in (w.removesuffix("'s").removesuffix("’s") for w in words) if place(w)}
        theirs = {w[:_PLACE_PREFIX] for w in (w.removesuffix("'s").removesuffix("’s") for w in role) if place(w)}
        return bool(mine and theirs and not mine & theirs)

    def _walk(self, position: int, accept: Callable[[Referent], bool]) -> Referent | None:
        """The subject (or speaker) of the nearest sentence that has one, else the latest
        mention: a pronoun refers to who the text is about, not to whoever was named last."""
        here = self.parsed.sentence_at(position).index
        earlier = [r for r in self._before(position) if accept(r) and r.sentence > here - _PRONOUN_REACH
                   and not any(s <= r.position < e for s, e in self.contents)]
        subjects = [r for r in earlier if r.subject]
        if subjects:
            # "Ana Ruiz said Tom Vos was ill. He …": the main clause's subject holds the floor.
            return max(subjects, key=lambda r: (r.sentence, r.main, r.position))
        return earlier[-1] if earlier else None


def _spelling(word: str, other: str) -> bool:
    """The same given name in two transliterations ("Sergey"/"Sergei", "Andriy"/"Andrii")."""
    if word == other:
        return True
    common = len(next((word[:k] for k in range(min(len(word), len(other)), 0, -1) if word[:k] == other[:k]), ""))
    return len(word) > 3 and common >= max(len(word), len(other)) - 1


def _variant_of(word: str, surname: str) -> bool:
    """True when two surnames may be one name spelt two ways: the same opening letters and
    lengths within a few letters of each other ("Kovalenko"/"Kovalinko")."""
    return (word != surname and word[:_VARIANT_PREFIX] == surname[:_VARIANT_PREFIX]
            and abs(len(word) - len(surname)) <= _VARIANT_SPREAD)


def _fuller(candidate: str, best: str) -> bool:
    """More words wins; between equals, a name as written in text beats a dateline's capitals."""
    if len(candidate.split()) != len(best.split()):
        return len(candidate.split()) > len(best.split())
    return best.isupper() and not candidate.isupper()


def _other_holder(words: list[str], role: list[str]) -> bool:
    """True when two roles name different holders: "head of the agency" is not "head of
    the court" (a role without an "of" phrase fits either)."""
    if "of" not in words or "of" not in role:
        return False
    mine = set(words[words.index("of") + 1 :]) - {"the", "a", "an"}
    theirs = set(role[role.index("of") + 1 :]) - {"the", "a", "an"}
    return not mine & theirs


def _accepts(kind: str) -> Callable[[Referent], bool]:
    """Which referents a pronoun of this kind may stand for ("they": a group that spoke)."""
    if kind == "group":
        return lambda r: r.kind == "group"
    return lambda r: r.kind in (kind, "name")


def _as_tuple(referent: Referent, factor: float) -> Resolved:
    return referent.name, referent.kind, referent.role, factor
