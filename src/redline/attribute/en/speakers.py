"""Speakers: turn the subject of a cue into a mention, and a name into its fullest form.

A mention is what the article writes where the speaker goes: a name with its role
("Kremlin spokesman Dmitry Peskov"), a metonym ("the Kremlin"), an outlet ("The Financial
Times newspaper"), a group ("Western officials"), a pronoun ("he") or a role noun ("the
diplomat"). Pronouns and definite role nouns are resolved later (``resolve.py``); names are
lengthened to the fullest form the article gives ("Peskov" -> "Dmitry Peskov").
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from spacy.tokens import Doc, Span, Token

from redline.attribute.en.lexicon import Lexicon
from redline.attribute.en.parse import end_offset, offset

# Entity labels that can speak; PERSON is a person, the rest organisations or places
# standing for their governments ("Moscow", "the Kremlin", "Washington").
NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
MentionKind = Literal["person", "organisation", "group", "name", "pronoun", "role"]
_DROP_LEFT = frozenset({"det", "predet", "nummod", "punct", "case", "cc", "quantmod"})
_POSSESSIVE = ("'s", "’s", "'", "’")
# Where a doc keeps its entity spans by token index (user_data, built on first need).
_ENTITIES = "redline.entities"
# What the tagger may call a surname that is also an English word ("Long", "Young", "Rich").
_MISREAD_POS = frozenset({"NOUN", "ADV", "ADJ", "INTJ", "VERB"})
# Parts of speech that no name ends with.
_TRAILING_POS = frozenset({"ADP", "DET", "CCONJ", "SCONJ"})


@dataclass(frozen=True)
class Mention:
    """Where a statement's speaker is written, and what kind of speaker it is.

    ``name`` is the proper name or group as written (no article), ``role`` the title as
    written; for a pronoun ``refer`` is the kind it stands for, for a role noun its words.
    """

    text: str
    start: int
    end: int
    kind: MentionKind
    name: str | None = None
    role: str | None = None
    refer: str | None = None
    # A role that names someone new ("one of its ministers"): it can only be named later.
    forward: bool = False
    # A role written without an article ("Minister says …"), as headlines write them.
    bare: bool = False
    # A person introduced by an article and a role ("a senior diplomat said …"): news leads
    # name them only in the next lines.
    indefinite: bool = False


def clean(text: str) -> str:
    """A name without a leading article or a trailing possessive ("the EU's" -> "EU")."""
    text = text.strip(" ,;:-—–")
    for article in ("the ", "The ", "THE "):
        if text.startswith(article):
            text = text[len(article):]
    for suffix in _POSSESSIVE:
        if text.endswith(suffix) and len(text) > len(suffix):
            text = text[: -len(suffix)]
            break
    return text.strip()


def entity_of(token: Token) -> Span | None:
    """The named entity that holds a token, when it is of a kind that can speak."""
    if token.ent_type_ not in NAMED:
        return None
    # ``doc.ents`` builds every entity span anew on each read: index them once per doc.
    index = token.doc.user_data.get(_ENTITIES)
    if index is None:
        index = token.doc.user_data[_ENTITIES] = {i: ent for ent in named_entities(token.doc)
                                                   if _written_as_name(ent) for i in range(ent.start, ent.end)}
    found: Span | None = index.get(token.i)
    return found


def named_entities(doc: Doc) -> list[Span]:
    """The recogniser's entities, trimmed of trailing function words, without those that
    open with a verb: "Disarming Hamas is …" read as a person names no one."""
    return [_trimmed(ent) for ent in doc.ents if ent[0].pos_ not in ("VERB", "AUX")]


def _written_as_name(ent: Span) -> bool:
    """False for a person "named" in lower case only ("envoy hardens line" misread as
    one): news capitalises names. False too for a lone common plural that opens a sentence
    ("Farmers protested …" read as an organisation): a group, which "they" may stand for."""
    if len(ent) == 1 and ent[0].tag_ == "NNS":
        return False
    return ent.label_ != "PERSON" or any(t.text[:1].isupper() for t in ent)


def _trimmed(ent: Span) -> Span:
    """An entity without the function words the recogniser ran it into ("the ministry on
    Friday" read as the entity "the ministry on"): no name ends with "on", "of" or "and"."""
    end = ent.end
    while end - ent.start > 1 and ent.doc[end - 1].pos_ in _TRAILING_POS:
        end -= 1
    return ent if end == ent.end else Span(ent.doc, ent.start, end, label=ent.label_)


def _text(tokens: list[Token]) -> str:
    if not tokens:
        return ""
    doc = tokens[0].doc
    return clean(doc[tokens[0].i : tokens[-1].i + 1].text)


def _separator(token: Token) -> bool:
    """A mark no speaker's name runs across: a dateline's dash ("PARIS - …"), a bracket, a
    colon, or a quotation mark (the parser may hang quoted words on the speaker)."""
    if token.text in ("—", "–", "(", ")", ":") or token.is_quote:
        return True
    before = token.doc[token.i - 1] if token.i > 0 else None
    return token.text == "-" and bool(token.whitespace_) and before is not None and bool(before.whitespace_)


def _left_modifiers(head: Token, stop: int) -> list[Token]:
    """The head's subtree tokens left of ``stop``, without a leading article or number."""
    tokens = [t for t in head.subtree if t.i < stop]
    cuts = [k for k, t in enumerate(tokens) if _separator(t)]
    if cuts:
        tokens = tokens[cuts[-1] + 1 :]
    while tokens and (tokens[0].dep_ in _DROP_LEFT or tokens[0].lower_ in ("one", "some")):
        tokens = tokens[1:]
    return tokens


def noun_phrase_end(head: Token) -> int:
    """The last token of a noun phrase, leaving out clauses that hang from it."""
    last = head.i
    for child in head.children:
        if child.i > head.i and child.dep_ not in ("relcl", "acl", "ccomp", "advcl", "punct", "conj", "cc", "appos"):
            last = max(last, noun_phrase_end(child))
    return last


def _person_name(ent: Span, lexicon: Lexicon) -> tuple[str, str | None]:
    """Split "President Vladimir Putin" into the name and the title inside the entity."""
    tokens = list(ent)
    title: list[Token] = []
    while len(tokens) > 1 and tokens[0].lower_.rstrip(".") in (*lexicon.honorifics, *lexicon.person_roles):
        title.append(tokens.pop(0))
    return _text(tokens), (_text(title) if title else None)


def _role_tokens(np_head: Token, stop: int, lexicon: Lexicon) -> list[Token]:
    """The title written before a name, without honorifics or a date ("Today", "Mr")."""
    tokens = _left_modifiers(np_head, stop)
    while tokens and (tokens[0].ent_type_ in ("DATE", "TIME") or tokens[0].dep_ in ("npadvmod", "advmod")
                      or tokens[0].lower_.rstrip(".") in lexicon.honorifics):
        tokens = tokens[1:]
    return [t for t in tokens if t.lower_.rstrip(".") not in lexicon.honorifics]


# Entities that own a body by name ("Norland's Foreign Ministry", "the union's council").
_OWNERS = ("GPE", "NORP", "ORG", "LOC")


def _named(head: Token, ent: Span, lexicon: Lexicon, np_head: Token) -> Mention:
    """A mention of a named entity, with the role written before it or in apposition."""
    outlet = np_head.lower_ in lexicon.outlet_nouns
    # An outlet speaks for no party, whichever country owns it ("Norland's Vestnik newspaper").
    role_tokens = [] if outlet else _role_tokens(np_head, ent.start, lexicon)
    role = _text(role_tokens) or None
    if ent.label_ == "PERSON":
        name, title = _person_name(ent, lexicon)
        role = role or title
        kind: MentionKind = "person"
    else:
        name, kind = clean(ent.text), "organisation"
        # "Norland's Foreign Ministry" is not "Dalvik's Foreign Ministry" named before it:
        # a named owner the tagger left outside the body's name stays part of it.
        owners = [entity_of(c) for c in np_head.children if c.dep_ == "poss" and c.i < ent.start]
        owner = next((o for o in owners if o is not None and o.label_ in _OWNERS), None)
        if owner is not None and not outlet:
            name = clean(head.doc[owner.start : ent.end].text)
    if role is None:
        appos = [c for c in head.children if c.dep_ == "appos" and c.i > head.i]
        if appos:
            role = _text(_left_modifiers(appos[0], noun_phrase_end(appos[0]) + 1)) or None
    written_tokens = [t for t in _left_modifiers(np_head, ent.start) if t.ent_type_ not in ("DATE", "TIME")]
    start = offset(written_tokens[0]) if written_tokens else offset(ent[0])
    written = _text(written_tokens + list(ent))
    return Mention(written, start, end_offset(ent[-1]), kind, name, role)


def _titled_person(head: Token, lexicon: Lexicon) -> Mention | None:
    """The person a role noun's apposition names ("…, the Minister of Foreign Affairs and
    Trade, Amb Jane Roe, has said"): the person speaks, the role is theirs."""
    if head.lower_ not in lexicon.person_roles and head.lemma_.lower() not in lexicon.person_roles:
        return None
    for child in head.children:
        ent = entity_of(child) if child.dep_ == "appos" and child.i > head.i else None
        if ent is not None and ent.label_ == "PERSON":
            found = _named(child, ent, lexicon, child)
            role = [t for t in head.subtree if t.i < child.left_edge.i and not t.is_punct and t.dep_ != "det"]
            return replace(found, role=_text(role) or found.role)
    return None


def _nested_person(head: Token) -> Span | None:
    """A person named inside a noun phrase ("the EU's top diplomat Kaja Kallas").

    A name written right after a role noun ("the UN envoy Lena Marsh") is a person's
    even when the entity recogniser took it for a place or an organisation.
    """
    found = []
    for token in head.subtree:
        ent = entity_of(token)
        named = ent is not None and (ent.label_ == "PERSON" or (
            token.head.i == head.i and token.dep_ in ("compound", "appos") and ent.start > head.i))
        if ent is not None and named and token.dep_ in ("compound", "appos", "pobj", "npadvmod"):
            depth, node = 0, token
            while node.i != head.i and node.head.i != node.i:
                node, depth = node.head, depth + 1
            found.append((depth, token.i, ent))
    return min(found, key=lambda f: (f[0], f[1]))[2] if found else None


def _outlet(head: Token, lexicon: Lexicon) -> Span | None:
    """The outlet named before a word like "newspaper" ("The Financial Times newspaper")."""
    words = {head.lower_, f"{head.nbor(-1).lower_} {head.lower_}" if head.i > 0 else head.lower_}
    if not words & set(lexicon.outlet_nouns):
        return None
    # "Norland's Vestnik newspaper": the outlet's own name, not the country that owns it;
    # "the Norwegian newspaper “Vestnik”": the name in apposition, not the adjective.
    named = [(child.dep_ == "poss", child.i, ent) for child in head.children
             if child.i < head.i and (ent := entity_of(child)) is not None]
    titled = [ent for child in head.children if child.dep_ == "appos" and child.i > head.i
              and (ent := entity_of(child)) is not None]
    if titled:
        return titled[0]
    return min(named, key=lambda n: (n[0], n[1]))[2] if named else None


def mention(head: Token, lexicon: Lexicon) -> Mention | None:
    """The speaker mention headed by a token, or None when it cannot be a speaker."""
    kind = lexicon.pronoun_kind(head.text)
    if kind is not None and head.pos_ == "PRON":
        return Mention(head.text, offset(head), end_offset(head), "pronoun", refer=kind)
    named = [c for c in head.children if c.dep_ in ("compound", "nmod") and c.i < head.i and entity_of(c)]
    if head.ent_type_ in ("DATE", "TIME") and named:
        # "Mayor Vasko Thursday announced …": the parser made the day the head of the name.
        return mention(named[-1], lexicon)
    if _headline_body(head, lexicon):
        # "Group rejects the plan" in a deck: the body the article names, not a name "Group".
        return _common(head, lexicon, "organisation")
    titled = _titled_person(head, lexicon)
    if titled is not None:
        return titled
    ent = entity_of(head) or _outlet(head, lexicon)
    if ent is not None:
        return _named(head, ent, lexicon, head)
    one = _one_of(head, lexicon)
    if one is not None:
        return one
    nested = _nested_person(head) if head.pos_ in ("NOUN", "NUM", "PRON") else None
    if nested is not None and head.lemma_.lower() not in lexicon.person_roles:
        # "His counterpart, Deputy Minister Irena Sova", "one of them, Petar Luk".
        return _named(nested.root, nested, lexicon, nested.root)
    if missed_name(head, lexicon):
        return Mention(head.text, offset(head), end_offset(head), "name", head.text)
    numbered = _numbered_name(head)
    if numbered is not None:
        return numbered
    if head.pos_ == "PROPN" and head.lower_ not in lexicon.person_roles:
        tokens = _left_modifiers(head, head.i + 1)
        if not tokens:
            # The head itself was dropped (a quotation mark or "One" tagged as a name).
            return None
        return Mention(_text(tokens), offset(tokens[0]), end_offset(head), "name", _text(tokens))
    if head.pos_ not in ("NOUN", "PROPN"):
        return None
    lemma = head.lemma_.lower()
    if lemma in lexicon.person_roles or head.lower_ in lexicon.person_roles:
        nested = _nested_person(head)
        if nested is not None:
            found = _named(nested.root, nested, lexicon, head)
            return Mention(found.text, found.start, found.end, "person", found.name,
                           _text(_left_modifiers(head, nested.start)) or found.role)
        return _spoken_for(head, lexicon) or _common(head, lexicon, "person")
    plural = head.tag_ in ("NNS", "NNPS")
    if head.lower_ in lexicon.group_nouns or (plural and head.lower_.endswith(tuple(lexicon.agent_suffixes))):
        return _common(head, lexicon, "group")
    if {lemma, head.lower_} & {*lexicon.organisation_nouns, *lexicon.kind_nouns}:
        return _common(head, lexicon, "organisation")
    if lemma in lexicon.issued_nouns:
        # "The statement said …" stands for its issuer; "a statement said …" names no one.
        found = _common(head, lexicon, "organisation")
        return found if found.kind == "role" else None
    return None


def _headline_body(head: Token, lexicon: Lexicon) -> bool:
    """True for a body's common noun alone and capitalised at a line's start ("Group says
    …", "Ministry rejects …"): a headline's "the group", whatever the tagger reads it as."""
    return (head.is_title and head.i == head.sent.start and head.tag_ not in ("NNS", "NNPS")
            and head.lower_ in {*lexicon.kind_nouns, *lexicon.organisation_nouns}
            and not any(c.i < head.i for c in head.children))


def _numbered_name(head: Token) -> Mention | None:
    """A capitalised word and the figure after it, which the recogniser reads as a number:
    the name of an office or a unit, not a person ("Number 12 said …", "Unit 40 reported …")."""
    if not head.is_title or head.pos_ not in ("NOUN", "PROPN") or head.i + 1 >= len(head.doc):
        return None
    figure = head.doc[head.i + 1]
    if figure.dep_ != "nummod" or figure.head != head or not figure.is_digit:
        return None
    text = head.doc[head.i : figure.i + 1].text
    return Mention(text, offset(head), end_offset(figure), "organisation", text)


def missed_name(head: Token, lexicon: Lexicon) -> bool:
    """True for a capitalised word the tagger called a common word here but the article
    names as an entity elsewhere ("Vasko says …" in a headline, "Long said" after "Tim Long")."""
    names = head.doc.user_data.get("names", ())
    return (head.pos_ in _MISREAD_POS and head.is_title and head.text in names and head.lemma_.lower() not in
            (*lexicon.person_roles, *lexicon.organisation_nouns, *lexicon.group_nouns))


def _one_of(head: Token, lexicon: Lexicon) -> Mention | None:
    """'one of its deputy ministers': a person in that role, named (if at all) later."""
    if head.lower_ != "one":
        return None
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"):
        for group in (g for g in prep.children if g.dep_ == "pobj" and g.lemma_.lower() in lexicon.person_roles):
            if entity_of(group) is None and _nested_person(group) is None:
                words = _left_modifiers(group, group.i) + [group]
                role = " ".join(t.lower_ if t.i != group.i else group.lemma_.lower() for t in words
                                if t.is_alpha and t.dep_ != "poss")
                return Mention(head.doc[head.i : group.i + 1].text, offset(head), end_offset(group),
                               "role", role=role, refer=role, forward=True)
    return None


def _spoken_for(head: Token, lexicon: Lexicon) -> Mention | None:
    """'a spokesman for the foreign ministry': an unnamed person speaks for the organisation."""
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children):
        return None
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "for"):
        for obj in (g for g in prep.children if g.dep_ == "pobj"):
            found = mention(obj, lexicon)
            # "the ministry" is an organisation to resolve: a role mention without a role.
            if found is not None and (found.kind in ("organisation", "name")
                                      or (found.kind == "role" and found.role is None)):
                return found
    return None


def _common(head: Token, lexicon: Lexicon, kind: MentionKind) -> Mention:
    """A role, group or organisation noun: resolvable when definite and bare."""
    tokens = [t for t in head.subtree if t.i <= head.i or _of_phrase(t, head)]
    cuts = [k for k, t in enumerate(tokens) if _separator(t) and t.i < head.i]
    tokens = tokens[cuts[-1] + 1 :] if cuts else tokens
    tokens = tokens[next((k for k, t in enumerate(tokens) if t.dep_ not in ("punct",)), 0):]
    start, end = offset(tokens[0]), end_offset(tokens[-1])
    written = head.doc[tokens[0].i : tokens[-1].i + 1].text
    words = _left_modifiers(head, head.i + 1) + [t for t in tokens if t.i > head.i]
    # "the envoy", "the mayor's spokesman", and a headline's bare "Minister says": one person
    # the article names elsewhere.
    definite = any((t.lower_ == "the" and t.dep_ == "det")
                   or (t.dep_ == "poss" and (t.ent_type_ == "PERSON" or t.pos_ == "PRON")) for t in head.children)
    bare = not any(t.dep_ in ("det", "poss", "nummod") for t in head.children)
    # "Ukraine's foreign minister said …" names an office whose holder the article names
    # before or after: resolved, like a headline's bare role, by a fitting role only.
    office = any(t.dep_ == "poss" and t.ent_type_ in ("GPE", "NORP") for t in head.children)
    plural = head.tag_ in ("NNS", "NNPS")
    if kind == "person" and (definite or bare or office) and not plural:
        return Mention(written, start, end, "role", role=_text(words),
                       refer=" ".join(t.lower_ for t in words if t.is_alpha), bare=(bare and not definite) or office)
    only = all(t.dep_ in _DROP_LEFT for t in head.children if t.i < head.i)
    if kind == "organisation" and (definite or _headline_body(head, lexicon)) and only and not plural:
        return Mention(written, start, end, "role", refer=head.lower_)
    name = _text(words)
    indefinite = kind == "person" and not plural and any(t.dep_ == "det" and t.lower_ in ("a", "an")
                                                         for t in head.children)
    return Mention(written, start, end, "group" if plural else kind, name,
                   refer=" ".join(t.lower_ for t in words if t.is_alpha) if indefinite else None,
                   indefinite=indefinite)


def _of_phrase(token: Token, head: Token) -> bool:
    """True for the tokens of an "of" phrase after a role ("head of Russian diplomacy")."""
    node = token
    while node.head.i != head.i:
        if node.head.i == node.i:
            return False
        node = node.head
    return node.dep_ == "prep" and node.lower_ == "of"
