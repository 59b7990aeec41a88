"""Statements carried by a noun, a source phrase or an adjective rather than a verb.

* nominal: "a statement by X that CONTENT", "X's view is that CONTENT";
* source: "according to X, CONTENT", "In his words, CONTENT", "CONTENT, per the ministry";
* adjective: "X was adamant that CONTENT", "X is confident the vote will pass".

Source phrases are matched with one spaCy ``PhraseMatcher`` per lexicon and vocabulary,
compiled once and run once over each parsed unit: no per-token slicing.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from redline.attribute.en.content import Candidate, bounds, candidate, run
from redline.attribute.en.cues import hypothetical, owner, subject
from redline.attribute.en.lexicon import Lexicon
from redline.attribute.en.parse import Parsed, offset
from redline.attribute.en.speakers import mention, noun_phrase_end

_SUBJECTS = ("nsubj", "nsubjpass")
# Compiled matchers, by (vocabulary, lexicon); the objects are kept so ids stay theirs.
_COMPILED: dict[tuple[int, int], tuple[Vocab, Lexicon, PhraseMatcher]] = {}


def source_matcher(vocab: Vocab, lexicon: Lexicon) -> PhraseMatcher:
    """The lexicon's source phrases as one PhraseMatcher on lower-cased words, built once."""
    key = (id(vocab), id(lexicon))
    if key not in _COMPILED:
        matcher = PhraseMatcher(vocab, attr="LOWER")
        matcher.add("SOURCE", [Doc(vocab, words=phrase.split()) for phrase in lexicon.source_phrases])
        _COMPILED[key] = (vocab, lexicon, matcher)
    return _COMPILED[key][2]


class Sources:
    """Finds statements carried by nouns, source phrases and adjectives in a parsed text."""

    def __init__(self, parsed: Parsed, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        # Text offset of a source phrase's first token -> index of its last token.
        self.phrases: dict[int, int] = {}
        for doc in parsed.docs:
            for _, start, end in source_matcher(doc.vocab, lexicon)(doc):
                at = offset(doc[start])
                self.phrases[at] = max(self.phrases.get(at, start), end - 1)

    def at(self, token: Token) -> Iterator[Candidate]:
        """Every noun, source-phrase or adjective candidate that starts at a token."""
        lemma = token.lemma_.lower()
        if token.pos_ == "NOUN" and lemma in self.lexicon.nominal_cues:
            yield from self._nominal(token)
        elif token.pos_ == "ADJ" and lemma in self.lexicon.adjective_cues:
            yield from self._adjective(token)
        yield from self._source(token)

    def _nominal(self, noun: Token) -> Iterator[Candidate]:
        """'a statement by X that …', "X's view is that …"."""
        # The speaker is the owner ("X's view"), the author ("a statement by X") or a
        # modifier ("a Kremlin statement", "Western media claim").
        speakers = [c for c in noun.children if c.dep_ == "poss"]
        speakers += [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"
                     for g in c.children if g.dep_ == "pobj"]
        speakers += [c for c in noun.children if c.dep_ == "compound" and c.i == noun.i - 1]
        issued = self._issued(noun) if not speakers else None
        if issued is not None:
            speakers = [issued[0]]
        if not speakers:
            return
        clauses = [c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.left_edge.lower_ == "that"]
        after = noun_phrase_end(speakers[0]) + 1
        follows = noun.doc[after] if after < len(noun.doc) else None
        if issued is not None:
            found = bounds(run(noun.sent, issued[1].i, noun.sent.end - 1))
        elif clauses:
            found = bounds(run(noun.sent, clauses[0].left_edge.i, noun.sent.end - 1))
        # "a demand by X that the firm rejected": a relative "that" opens no content.
        elif follows is not None and follows.lower_ == "that" and follows.dep_ == "mark" and follows.i > noun.i:
            # The parser lost the clause ("a statement by X that “…” is …"): take the rest.
            found = bounds(run(noun.sent, follows.i, noun.sent.end - 1))
        elif noun.dep_ == "nsubj" and noun.head.lemma_ == "be":
            comps = [c for c in noun.head.children if c.dep_ in ("ccomp", "attr") and c.left_edge.lower_ == "that"]
            found = bounds(run(noun.sent, comps[0].left_edge.i, comps[0].right_edge.i)) if comps else None
        else:
            return
        if found is not None:
            yield candidate("nominal", speakers[0], found, [noun])

    def _issued(self, noun: Token) -> tuple[Token, Token] | None:
        """(speaker, "that") of "X released a statement (on Monday) that …": the issuer of
        a statement whose clause follows, however the parser hung the clause."""
        verb = noun.head
        if (noun.dep_ != "dobj" or noun.lemma_.lower() not in self.lexicon.issued_nouns
                or verb.lemma_.lower() not in self.lexicon.issuing_verbs):
            return None
        speaker = subject(verb, self.lexicon)
        inside = {t.i for t in verb.subtree}
        that = next((t for t in noun.doc[noun.i + 1 : noun.sent.end]
                     if t.lower_ == "that" and t.dep_ == "mark" and t.head.i in inside), None)
        if speaker is None or that is None or mention(speaker, self.lexicon) is None:
            return None
        return speaker, that

    def _adjective(self, adjective: Token) -> Iterator[Candidate]:
        """'The union was adamant that the strike was legal': the clause after the adjective."""
        verb = adjective.head
        if adjective.dep_ != "acomp" or verb.lemma_ != "be":
            return
        speaker = subject(verb, self.lexicon)
        clauses = [c for c in (*adjective.children, *verb.children)
                   if c.dep_ == "ccomp" and c.i > adjective.i]
        # "It is clear that …", "it was certain the vote would pass": "it" holds the place
        # of the clause and speaks for no one.
        if speaker is None or not clauses or mention(speaker, self.lexicon) is None or speaker.lower_ == "it":
            return
        last = clauses[0].right_edge.i
        # "X was clear that A, but it has not ruled out B": a coordinated clause with a
        # subject of its own continues the stance, unless it reports a stance of its own.
        for conj in (c for c in verb.children if c.dep_ == "conj" and c.i > last):
            own = conj.lemma_.lower() in self.lexicon.cue_lemmas and not hypothetical(conj)
            if own or not any(g.dep_ in _SUBJECTS for g in conj.children):
                break
            last = conj.right_edge.i
        found = bounds(run(adjective.sent, clauses[0].left_edge.i, last))
        if found is not None:
            yield candidate("clause", speaker, found, [verb, adjective])

    def _source(self, token: Token) -> Iterator[Candidate]:
        """'according to X, …' and 'In his words, …': the rest of the sentence is the content."""
        phrase = self._source_phrase(token)
        if phrase is None:
            return
        first, cue_end, last, speaker = phrase
        sent = token.sent
        after = run(sent, last + 1, sent.end - 1)
        before = run(sent, sent.start, first - 1)
        clause_before = any(t.dep_ in _SUBJECTS for t in before)
        # "…, the minister told the show, as per the agency": an attributed clause before
        # the phrase is the minister's; the agency only relays it. So does "according to the
        # report, the mayor said …" relay what follows.
        if (self._attributed(before) if clause_before or not after
                else any(self._relays(t) for t in after if t.head.i == t.i or (t.dep_ == "conj" and t.head.head.i == t.head.i))):
            return
        found = bounds(before) if clause_before or not after else bounds(after)
        doc = token.doc
        if (clause_before and after and doc[first - 1].text == "," and doc[last + 1].text == ","
                and not self._attributed(before)):
            # "Tehran, in the view of analysts, wants assurances": the aside's source speaks
            # the sentence around it.
            found = bounds(list(sent))
        if found is not None:
            yield candidate("source", speaker, found, run(sent, first, cue_end))

    def _attributed(self, tokens: list[Token]) -> bool:
        """True when the tokens hold a cue with a speaker of its own ("the mayor said")."""
        return any(t.pos_ == "VERB" and t.lemma_.lower() in self.lexicon.cue_lemmas and not hypothetical(t)
                   and subject(t, self.lexicon) is not None for t in tokens)

    def _relays(self, verb: Token) -> bool:
        """True for a speech cue with a speaker and a reported clause ("according to the
        report, the mayor said the bridge would reopen"): the source only relays it. Another
        act ("according to X, the council reminded …") is still the source's report, and so
        is a cue that trails the words it reports ("according to X, the port will close, the
        Herald wrote": the paper relays X, and each has a statement)."""
        speaker = subject(verb, self.lexicon)
        return (verb.lemma_.lower() in self.lexicon.clause_cues.get("speech", ()) and not hypothetical(verb)
                and any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children)
                and speaker is not None and mention(speaker, self.lexicon) is not None)

    def _source_phrase(self, token: Token) -> tuple[int, int, int, Token] | None:
        """(first, cue end, last token index, speaker head) of a source phrase at ``token``."""
        doc = token.doc
        end = self.phrases.get(offset(token))
        if end is not None:
            prep = doc[end]
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            # "according to a report from the Gazette", "… to a statement by the council":
            # whoever issued it is the source.
            issuer = owner(objects[0], self.lexicon) if objects else None
            # "per cent", "$5 per barrel": only a speaker after the phrase makes it a source.
            if objects and (issuer is not None or mention(objects[0], self.lexicon) is not None):
                # "according to the mediator, Lena Marsh, …", "… a report from the Gazette, a
                # weekly …": the apposition belongs to the source.
                appos = [c for c in objects[0].subtree if c.dep_ == "appos" and c.i > objects[0].i]
                last = noun_phrase_end(appos[-1]) if appos else noun_phrase_end(objects[0])
                return token.i, prep.i, last, issuer or objects[0]
        if token.lower_ == "in" and token.dep_ == "prep":
            sources = self.lexicon.possessive_sources
            nouns = [c for c in token.children if c.dep_ == "pobj" and (c.lemma_.lower() in sources or c.lower_ in sources)]
            owners = [c for n in nouns for c in n.children if c.dep_ == "poss"]
            if nouns and owners:
                return token.i, nouns[0].i, nouns[0].i, owners[0]
        return None
