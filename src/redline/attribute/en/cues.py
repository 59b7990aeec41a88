"""Who a cue belongs to: the head token of the speaker of a verb that reports speech.

The subject is usually the cue's own; the rest is how news syntax (and the parser's
misreadings of it) hands a cue the subject of another verb: a passive's agent, a
participle (", adding that …"), a coordinated verb ("… and urged …"), a relative
clause, an aspect verb ("continues to demand").
"""

from __future__ import annotations

from spacy.tokens import Token

from redline.attribute.en.lexicon import Lexicon
from redline.attribute.en.speakers import mention, missed_name

_SUBJECTS = ("nsubj", "nsubjpass")
_HYPOTHETICAL = frozenset({"may", "might", "could"})
_CONDITIONS = frozenset({"if", "unless"})
_DATELINE_DASHES = frozenset({"—", "–", "-"})
# Closing quotation marks, which may follow the comma before a participle.
_CLOSING_QUOTES = frozenset({"”", "’", "\"", "'", "»"})
# Prepositions that give what a document is about ("the plan for the port").
_TOPIC_PREPOSITIONS = frozenset({"for", "on", "about", "of", "over"})


def subject(verb: Token, lexicon: Lexicon) -> Token | None:
    """The speaker's head for a cue: its subject, a passive's agent, or its governor's."""
    relayed = _relayed(verb, lexicon)
    if relayed is not None:
        return relayed
    node = verb
    for _ in range(4):
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in node.children):
            agents = [g for c in node.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            agents = agents or _late_agent(node)
            if not agents and node.lemma_.lower() in lexicon.quoting_verbs:
                # "X was quoted as saying …": the passive's subject is the speaker.
                agents = [c for c in node.children if c.dep_ == "nsubjpass"]
            return agents[0] if agents else None
        found = [c for c in node.children if c.dep_ == "nsubj"]
        if found:
            head = min(found, key=lambda c: abs(c.i - node.i))
            head = _after_dateline(head)
            if head.lower_ in lexicon.relative_pronouns and node.dep_ == "relcl":
                return _antecedent(node.head, lexicon)
            return owner(head, lexicon) or head
        opened = _opening_participle_object(node)
        if opened is not None:
            return opened
        before = node.doc[node.i - 1] if node.i > 0 else None
        if before is not None and before.head.i == node.i and before.dep_ in ("advmod", "npadvmod", "amod"):
            # "Long said …" with the surname read as an adverb: a name the article gives.
            if missed_name(before, lexicon) or (before.pos_ == "PROPN" and before.text in before.doc.user_data.get("names", ())):
                return before
        # "…, adding that …", "but stressed that …": the participle or the second verb
        # shares the subject of the verb it hangs from.
        # (A purpose clause, "rallied to call for …", does not: only participles do.)
        if (node.dep_ == "conj" or (node.dep_ == "advcl" and node.tag_ == "VBG")) and node.head.i != node.i:
            node = _matrix_cue(node, lexicon) or node.head
            continue
        if (node.dep_ == "acl" and node.tag_ in ("VBD", "VBN") and node.i == node.head.i + 1
                and not any(c.dep_ == "agent" for c in node.children)):
            # "…, the two ministries announced on Monday": misread as a reduced relative.
            return node.head
        if node.dep_ == "acl" and node.tag_ == "VBG" and node.head.dep_ == "pobj" and node.head.head.lower_ == "with":
            # "…, with the unions insisting that …": an absolute's noun speaks.
            return node.head
        purpose = node.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
        if (node.dep_ == "xcomp" or purpose) and _shares_subject(node, lexicon):
            # "Moscow continues to demand that …": the cue is still its governor's subject's.
            node = node.head
            continue
        if node.dep_ == "pcomp" and node.head.dep_ == "prep":
            node = node.head.head
            continue
        if node.dep_ == "acl" and node.head.lemma_.lower() in lexicon.nominal_cues:
            # "X issued a statement saying …": the statement's owner ("statements from
            # Washington suggesting …", "the union's letter stating …"), else its issuer.
            found_owner = owner(node.head, lexicon)
            if found_owner is not None:
                return found_owner
            node = node.head.head
            continue
        return None
    return None


def _antecedent(noun: Token, lexicon: Lexicon) -> Token:
    """The noun a relative clause is about: "the plan for Cyprus, which calls for …" is the
    plan's clause, though the parser hangs it on the name of what the plan is for."""
    prep = noun.head
    if (noun.pos_ == "PROPN" and noun.dep_ == "pobj" and prep.lower_ in _TOPIC_PREPOSITIONS
            and prep.head.lemma_.lower() in lexicon.organisation_nouns):
        return prep.head
    return noun


def owner(noun: Token, lexicon: Lexicon) -> Token | None:
    """Who a statement noun that is a cue's subject belongs to: "a statement by the ministry
    said …", "remarks from the envoy suggested …", "the union's statement said …", "a
    council statement said …" are the ministry's, the envoy's, the union's, the council's."""
    if noun.lemma_.lower() not in lexicon.nominal_cues and noun.lower_ not in lexicon.nominal_cues:
        return None
    owners = [c for c in noun.children if c.dep_ == "poss"]
    owners += [g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from")
               for g in c.children if g.dep_ == "pobj"]
    owners += [c for c in noun.children if c.dep_ == "compound" and c.i == noun.i - 1]
    return next((o for o in owners if mention(o, lexicon) is not None), None)


def _relayed(verb: Token, lexicon: Lexicon) -> Token | None:
    """'The paper quoted the envoy as saying …': the quoted person speaks, not the paper."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.lower_ != "as" or prep.head.lemma_.lower() not in lexicon.quoting_verbs:
        return None
    quoted = [c for c in prep.head.children if c.dep_ in ("dobj", "nsubjpass")]
    return quoted[0] if quoted else None


def _late_agent(verb: Token) -> list[Token]:
    """The "by" phrase that the parser hung on a noun after a passive cue ("was stated in an
    interview by the deputy minister")."""
    found = []
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.i > verb.i):
        for token in prep.subtree:
            if token.lower_ == "by" and token.dep_ == "prep":
                found += [g for g in token.children if g.dep_ == "pobj"]
    return found[:1]


def _shares_subject(verb: Token, lexicon: Lexicon) -> bool:
    """True for a to-infinitive cue that keeps its governor's subject: "continues to demand",
    "spoke to reporters to describe the plan" (but not "urged X to say", "refuses to rule out")."""
    head = verb.head
    lemma = head.lemma_.lower()
    if lemma in lexicon.aspect_verbs:
        return True
    objects = any(c.dep_ in ("dobj", "dative") for c in head.children)
    return lemma in lexicon.cue_lemmas and lemma not in lexicon.intent_cues and not objects


def _opening_participle_object(verb: Token) -> Token | None:
    """'Addressing the council, envoy X said …' misread with X as the participle's object:
    a noun after the comma that closes an opening participle is the cue's subject."""
    for clause in (c for c in verb.children if c.dep_ == "csubj" and c.tag_ == "VBG" and c.i < verb.i):
        commas = [t.i for t in verb.doc[clause.i : verb.i] if t.text == ","]
        late = [c for c in clause.children if c.dep_ in ("dobj", "nsubj") and commas and commas[0] < c.i < verb.i]
        if late:
            return late[-1]
    return None


def _matrix_cue(verb: Token, lexicon: Lexicon) -> Token | None:
    """The cue whose reported clause the parser hung a trailing act of its speaker from.

    "X said A, arguing that …" and "X said A was B and described C as …" are X's own acts,
    though the parser may attach them to A's verb: a participle after a comma, or a
    coordinated verb in the cue's tense that cannot share A's tense or A's subject.
    """
    host = verb.head
    if participle(verb):
        # "A would follow, the mayor said, stressing …" read with the cue as an aside of A.
        aside = [c for c in host.children if c.dep_ in ("parataxis", "ccomp") and host.i < c.i < verb.i
                 and c.lemma_.lower() in lexicon.clause_lemmas and any(g.dep_ == "nsubj" for g in c.children)]
        if aside:
            return aside[-1]
    if host.dep_ != "ccomp" or host.head.lemma_.lower() not in lexicon.clause_lemmas:
        return None
    cue = host.head
    if participle(verb):
        # An act trails its cue: before "…, the Herald reported" it is the reported cue's.
        return cue if cue.i < verb.i else None
    if verb.dep_ != "conj" or _tense(verb) != _tense(cue) or not after_and(verb):
        return None
    subjects = [c for c in host.children if c.dep_ in _SUBJECTS]
    # The speaker of a subject-less "and urged …": A's verb, when it is in another tense or
    # has a subject that cannot speak ("the draft was …, and urged …"), is not its host.
    if verb.tag_ != host.tag_ or any(c.dep_ == "auxpass" for c in host.children):
        return cue
    return cue if subjects and mention(subjects[0], lexicon) is None else None


def _tense(verb: Token) -> str:
    """The tag that carries a verb's tense: its first auxiliary's ("has warned" -> VBZ)."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    return min(auxiliaries, key=lambda t: t.i).tag_ if auxiliaries else verb.tag_


def hypothetical(verb: Token) -> bool:
    """True for a negated, modal or conditional cue: "does not talk about", "may demand",
    "if the union insists on a vote" report no statement."""
    return any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in _HYPOTHETICAL)
               or (c.dep_ == "mark" and c.lower_ in _CONDITIONS) for c in verb.children)


def _after_dateline(head: Token) -> Token:
    """The name after a dateline the parser took for the subject.

    "KABUL, Afghanistan (Wire) — Foreign Minister Jane Roe said …" may be parsed with the
    city in capitals as the subject and the speaker as its apposition after the dash.
    """
    if head.i != head.sent.start or not head.is_upper or len(head.text) < 2:
        return head
    dash = next((t for t in head.subtree if t.text in _DATELINE_DASHES), None)
    if dash is None:
        return head
    return next((c for c in head.children if c.dep_ == "appos" and c.i > dash.i), head)


def after_and(verb: Token) -> bool:
    """True for a verb right after "and" (the parser hangs the "and" on the first verb)."""
    return verb.i > 0 and verb.doc[verb.i - 1].lower_ == "and"


def participle(verb: Token) -> bool:
    """", adding that …", ", saying …": a participle cue set off by a comma (which may sit
    inside the quote before it: "… of security,” stating that …"), perhaps after "while"
    or an adverb (", while insisting that …", ", again saying …")."""
    at = verb.i - 1
    if at > 0 and (verb.doc[at].lower_ == "while" or verb.doc[at].tag_ == "RB"):
        at -= 1
    while at > 0 and verb.doc[at].text in _CLOSING_QUOTES and verb.doc[at - 1].text == ",":
        at -= 1
    return verb.tag_ == "VBG" and at >= 0 and verb.doc[at].text == ","
