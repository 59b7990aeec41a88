"""Reported speech: a speaker, a cue and the reported content, from the dependency parse.

The frames, each found from the cue outwards:

* clause: "X said (that) CONTENT", "CONTENT, X said", "CONTENT, says X", "As X noted, CONTENT";
* object: "the White House denied THIS INFORMATION", "Moscow offered TO SIGN ...";
* phrasal: "X ruled out A DEAL", "X spoke about ...", "X sounded the alarm about ...";
* passive: "CONTENT. This was stated by X." (the content is the sentence before);
* nominal: "a statement by X that CONTENT", "X's view is that CONTENT";
* source: "according to X, CONTENT", "In his words, CONTENT".

Each candidate keeps the speaker's head token; turning it into a name is ``speakers.py``'s
job, and quotes inside the content make it mixed in ``__init__.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from redline.attribute.en.lexicon import Lexicon, PhrasalCue
from redline.attribute.en.parse import Parsed, end_offset, offset
from redline.attribute.en.cues import after_and, participle, subject
from redline.attribute.en.speakers import noun_phrase_end

_SUBJECTS = ("nsubj", "nsubjpass")
_OBJECT_DEPS = frozenset({"dobj", "dative", "oprd", "prep", "xcomp", "ccomp", "acomp", "attr", "prt", "advcl", "npadvmod", "advmod"})
_FILLER = frozenset({"it", "them", "this", "that", "so", "something"})


@dataclass(frozen=True)
class Candidate:
    """A reported statement before its speaker is named: cue, speaker head, content bounds."""

    frame: str
    speaker: Token | None
    start: int
    end: int
    cue: list[Token]
    extent: tuple[int, int]


def _bounds(tokens: list[Token]) -> tuple[int, int] | None:
    """Content bounds of a token run, without a leading "that" or punctuation at either end."""
    while tokens and ((tokens[0].is_punct and tokens[0].text not in "“«‘\"'") or tokens[0].is_space
                      or (tokens[0].lower_ == "that" and tokens[0].dep_ == "mark")):
        tokens = tokens[1:]
    while tokens and (tokens[-1].text in ".,;:—–-" or tokens[-1].is_space):
        tokens = tokens[:-1]
    if not any(t.is_alpha for t in tokens):
        return None
    return offset(tokens[0]), end_offset(tokens[-1])


def _trimmed_end(text: str, start: int, end: int) -> int:
    """``end`` moved back over spaces and punctuation that close a clause."""
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:"):
        end -= 1
    return end


def _run(sent: Span, first: int, last: int) -> list[Token]:
    """The tokens from index ``first`` to ``last`` (inclusive) of the sentence's document."""
    return list(sent.doc[first : last + 1])


def _attribution_start(verb: Token, speaker: Token | None) -> int:
    """The first token of "Kremlin spokesman Dmitry Peskov has said" (speaker or auxiliaries)."""
    first = verb.i
    for child in verb.children:
        if child.i < verb.i and child.dep_ in ("aux", "neg", "advmod", "nsubj"):
            first = min(first, child.left_edge.i)
    if speaker is not None and (speaker.head.i == verb.i or speaker.i < verb.i):
        first = min(first, speaker.left_edge.i)
    return first


def _hangs_from(token: Token, verb: Token) -> bool:
    """True when ``token`` reaches ``verb`` through phrases, not through another clause."""
    while token.i != verb.i:
        # "said before the session opened that …": the clause landed on a time clause's verb.
        if token.dep_ == "ccomp" and token.head.dep_ == "advcl" and token.head.head.i == verb.i:
            return True
        if token.dep_ in ("advcl", "conj", "ccomp", "parataxis") or token.head.i == token.i:
            return False
        token = token.head
    return True


def _characterises(verb: Token) -> bool:
    """True for "call X Y" or "describe X as Y": an object with a predicate of its own."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return any(c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as")
               for holder in (verb, *objects) for c in holder.children if holder is verb or c.i > holder.i)


def _content_first(verb: Token, speaker: Token | None) -> tuple[int, int] | None:
    """'CONTENT, X said': the sentence up to the comma before the attribution."""
    sent = verb.sent
    first = _attribution_start(verb, speaker)
    before = first - 1
    while before >= sent.start and (sent.doc[before].is_space or sent.doc[before].text in "”»’\"'"):
        before -= 1
    if before <= sent.start or sent.doc[before].text not in ",?!":
        return None
    tokens = _run(sent, sent.start, before - 1)
    if not any(t.pos_ in ("VERB", "AUX") for t in tokens):
        return None
    return _bounds(_after_dateline(tokens))


def _after_dateline(tokens: list[Token]) -> list[Token]:
    """Tokens without a leading dateline ("MUSCAT - ", "BERLIN (Wire) — ")."""
    for k, token in enumerate(tokens[:8]):
        if token.text in ("-", "—", "–") and k > 0 and all(t.is_upper or t.is_punct for t in tokens[:k]
                                                          if not t.is_space and t.text not in "()"):
            return tokens[k + 1 :]
    return tokens


def _right_content(verb: Token, begin: Token, is_cue: Callable[[Token], bool]) -> tuple[int, int] | None:
    """From ``begin`` to the end of the cue's right-hand complements, before a new cue."""
    last = begin.right_edge.i
    for child in sorted((c for c in verb.children if c.i > begin.i), key=lambda c: c.i):
        if child.dep_ in ("conj", "cc") or (child.dep_ == "advcl" and is_cue(child)):
            break
        if child.dep_ in _OBJECT_DEPS:
            last = max(last, child.right_edge.i)
    return _bounds(_run(verb.sent, begin.left_edge.i, last))


def _clause(verb: Token, speaker: Token | None, is_cue: Callable[[Token], bool]) -> tuple[int, int] | None:
    """Content of a clause cue: its complement clause, the main clause of an as-clause, or
    the sentence before the attribution."""
    comps = [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i]
    if comps:
        # A mis-parsed clause may start in an xcomp ("says shoring up … was one of …").
        comps += [c for c in verb.children if c.dep_ == "xcomp" and verb.i < c.i < comps[0].i]
        comps.sort(key=lambda c: c.i)
        last = max(c.right_edge.i for c in comps)
        # "X said A, but there are no dates yet": a coordinated clause with a subject of
        # its own continues what was said; one without ("and left") is the speaker's act.
        for conj in (c for c in verb.children if c.dep_ == "conj" and c.i > last):
            if is_cue(conj) or not any(g.dep_ in (*_SUBJECTS, "expl") for g in conj.children):
                break
            last = conj.right_edge.i
        return _bounds(_run(verb.sent, comps[0].left_edge.i, last))
    # "warned in an address to the nation that …": the parser hung the clause elsewhere.
    thats = [t for t in verb.subtree if t.i > verb.i and t.lower_ == "that" and t.dep_ == "mark"
             and _hangs_from(t.head, verb)]
    if thats and not any(c.dep_ in ("dobj", "ccomp") for c in verb.children):
        return _bounds(_run(verb.sent, thats[0].i, verb.right_edge.i))
    marks = [c for c in verb.children if c.dep_ == "mark" and c.lower_ == "as"]
    if marks and verb.dep_ == "advcl":
        return _as_clause(verb)
    if _parenthetical(verb):
        # "The dam, he said, remained essential": the sentence around the aside is what was said.
        return _bounds(list(verb.sent))
    return _content_first(verb, speaker)


def _parenthetical(verb: Token) -> bool:
    """True for an attribution set off by commas inside its sentence (", he said,")."""
    if verb.dep_ != "parataxis":
        return False
    doc, sent = verb.doc, verb.sent
    first, last = verb.left_edge.i, verb.right_edge.i
    before = doc[first] if doc[first].text == "," else (doc[first - 1] if first > sent.start else None)
    after = doc[last] if doc[last].text == "," else (doc[last + 1] if last + 1 < sent.end else None)
    return (before is not None and after is not None and before.text == after.text == ","
            and before.i > sent.start and after.i < sent.end - 1)


def _as_clause(verb: Token) -> tuple[int, int] | None:
    """'As X noted, CONTENT' / 'CONTENT, as X noted': the clause the as-clause hangs from.

    An as-clause in the middle ("HP, as X explained, is rare") leaves the whole clause.
    """
    sent, head = verb.sent, verb.head
    if verb.left_edge.i <= sent.start:
        return _bounds(_run(sent, verb.right_edge.i + 1, sent.end - 1))
    if verb.right_edge.i >= sent.end - 2:
        return _bounds(_run(sent, sent.start, verb.left_edge.i - 1))
    return _bounds(_run(sent, head.left_edge.i, head.right_edge.i))


def _phrasal(verb: Token, cue: PhrasalCue, is_cue: Callable[[Token], bool]) -> tuple[int, int] | None:
    """Content of a verb + particle / preposition / fixed object frame, or None if unmatched."""
    holders = [verb]
    if cue.objects:
        objects = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in cue.objects]
        if not objects:
            return None
        holders.append(objects[0])
    if cue.particle:
        particle = [c for c in verb.children if c.dep_ == "prt" and c.lower_ == cue.particle]
        after = [c for c in verb.children if c.i > verb.i and c.dep_ in ("dobj", "ccomp", "xcomp")]
        return _right_content(verb, after[0], is_cue) if particle and after else None
    if cue.prep:
        preps = [c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == cue.prep]
        objects = [g for p in preps for g in p.children if g.dep_ in ("pobj", "pcomp")]
        if not objects or objects[0].lower_ in _FILLER:
            return None
        return _right_content(verb, objects[0], is_cue)
    tail = [c for c in holders[-1].children if c.i > holders[-1].i and c.dep_ in ("acl", "ccomp", "relcl", "xcomp")]
    return _bounds(_run(verb.sent, tail[0].left_edge.i, verb.sent.end - 1)) if tail else None


def _phrasal_words(verb: Token, cue: PhrasalCue) -> list[Token]:
    """The particle or preposition of a phrasal cue, for the cue as written ("ruled out")."""
    holders = [verb] + [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in cue.objects]
    wanted = {cue.particle, cue.prep} - {None}
    return sorted((c for h in holders for c in h.children if c.dep_ in ("prt", "prep") and c.lower_ in wanted),
                  key=lambda t: t.i)[:1]


def _object(verb: Token, is_cue: Callable[[Token], bool]) -> tuple[int, int] | None:
    """Content of an object cue: its object (not a bare "it") and what completes it.

    A bare "it" with a verdict on it counts when it was said once ("has called it a right"),
    not when it is a habit of naming ("the army calls it a “special operation”").
    """
    objects = [c for c in verb.children if c.i > verb.i and c.dep_ in ("dobj", "xcomp", "ccomp")]
    verdict = _characterises(verb) and verb.tag_ in ("VBD", "VBN")
    if not objects or (objects[0].lower_ in _FILLER and objects[0].n_lefts == 0 and not verdict):
        return None
    return _right_content(verb, objects[0], is_cue)


def _intent(verb: Token) -> tuple[int, int] | None:
    """Content of a commitment cue: its to-infinitive or that-clause, with the object that
    comes first ("vowed to continue", "urged Moscow to accept")."""
    clauses = [c for c in verb.children if c.i > verb.i and c.dep_ in ("xcomp", "ccomp")]
    if not clauses:
        return None
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative") and verb.i < c.i < clauses[0].i]
    first = objects[0].left_edge.i if objects else clauses[0].left_edge.i
    return _bounds(_run(verb.sent, first, clauses[0].right_edge.i))


def _previous_sentence(parsed: Parsed, verb: Token) -> tuple[int, int] | None:
    """The sentence a "This was stated by X" points back to, in the same or last paragraph."""
    here = parsed.sentence_at(offset(verb))
    if here.index == 0:
        return None
    return _bounds(list(parsed.sentences[here.index - 1].span))


class Reported:
    """Finds reported-speech candidates in a parsed document."""

    def __init__(self, parsed: Parsed, lexicon: Lexicon, skip: Callable[[Token], bool]) -> None:
        self.parsed = parsed
        self.lexicon = lexicon
        self.skip = skip
        self.phrasal: dict[str, list[PhrasalCue]] = {}
        for cue in lexicon.phrasal_cues:
            self.phrasal.setdefault(cue.verb, []).append(cue)

    def is_cue(self, token: Token) -> bool:
        """True for a verb that can report speech in some frame."""
        return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in self.lexicon.cue_lemmas

    def candidates(self) -> list[Candidate]:
        """Every reported-speech candidate; one whose cue lies in another's content is dropped.

        A participle cue inside another's content (", adding that …", which the parser may
        hang from the reported clause) is kept instead, and so is a cue after "and" that
        shares the outer speaker ("…, and urged …"): the outer content stops before the
        comma or the "and", and the inner cue takes the outer speaker when it has none.
        """
        found = [c for t in self.parsed.tokens() if not self.skip(t) for c in self._at(t)]
        for index, inner in enumerate(found):
            at = offset(inner.cue[0])
            outer = [k for k, o in enumerate(found) if o is not inner and o.start <= at < o.end]
            cue = inner.cue[0]
            speakers = {s.i for s in (found[k].speaker for k in outer) if s is not None}
            shared = after_and(cue) and inner.speaker is not None and inner.speaker.i in speakers
            if outer and (participle(cue) or shared):
                # The outer content stops before the comma or the "and" that opens the act.
                host = found[outer[0]]
                cut = offset(cue.doc[cue.i - 1])
                found[outer[0]] = replace(host, end=_trimmed_end(self.parsed.text, host.start, cut))
                found[index] = replace(inner, speaker=inner.speaker or host.speaker)
        return [c for c in found if c.speaker is not None and c.end > c.start and not any(
            o is not c and o.start <= offset(c.cue[0]) < o.end for o in found)]

    def _at(self, token: Token) -> Iterator[Candidate]:
        if self.is_cue(token):
            yield from self._verb(token)
        elif token.pos_ == "NOUN" and token.lemma_.lower() in self.lexicon.nominal_cues:
            yield from self._nominal(token)
        yield from self._source(token)

    def _verb(self, verb: Token) -> Iterator[Candidate]:
        speaker = subject(verb, self.lexicon)
        # "The United States does not talk about guarantees": a negated cue reports nothing.
        if (speaker is None and not participle(verb)) or any(c.dep_ == "neg" for c in verb.children):
            return
        lemma = verb.lemma_.lower()
        bounds, frame, words = None, "clause", [verb]
        for cue in self.phrasal.get(lemma, []):
            if bounds is None:
                bounds = _phrasal(verb, cue, self.is_cue)
                words = [verb, *_phrasal_words(verb, cue)] if bounds else words
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        if bounds is None and lemma in self.lexicon.clause_cues:
            demonstrative = [c for c in verb.children if c.dep_ == "nsubjpass" and c.lower_ in ("this", "that")]
            if passive and demonstrative:
                bounds, frame = _previous_sentence(self.parsed, verb), "passive"
            else:
                bounds = _clause(verb, speaker, self.is_cue)
        # A trailing participle of an object cue (", dismissing a call for …") is narration,
        # unless it characterises its object (", calling the project a pillar", ", describing
        # it as …"): that is the speaker's own verdict.
        if (bounds is None and lemma in self.lexicon.object_cues and not passive
                and (not participle(verb) or _characterises(verb))):
            bounds, frame = _object(verb, self.is_cue), "object"
        if bounds is None and lemma in self.lexicon.intent_cues and not passive:
            bounds, frame = _intent(verb), "object"
        if bounds is not None:
            yield self._candidate(frame, speaker, bounds, words)

    def _candidate(self, frame: str, speaker: Token | None, bounds: tuple[int, int], cue: list[Token]) -> Candidate:
        points = [bounds[0], bounds[1], offset(cue[0]), end_offset(cue[-1])]
        if speaker is not None:
            points += [offset(speaker.left_edge), end_offset(speaker)]
        return Candidate(frame, speaker, bounds[0], bounds[1], cue, (min(points), max(points)))

    def _nominal(self, noun: Token) -> Iterator[Candidate]:
        """'a statement by X that …', "X's view is that …"."""
        # The speaker is the owner ("X's view"), the author ("a statement by X") or a
        # modifier ("a Kremlin statement", "Western media claim").
        speakers = [c for c in noun.children if c.dep_ == "poss"]
        speakers += [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"
                     for g in c.children if g.dep_ == "pobj"]
        speakers += [c for c in noun.children if c.dep_ == "compound" and c.i == noun.i - 1]
        if not speakers:
            return
        clauses = [c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.left_edge.lower_ == "that"]
        follows = noun.doc[noun_phrase_end(speakers[0]) + 1] if noun_phrase_end(speakers[0]) + 1 < len(noun.doc) else None
        if clauses:
            bounds = _bounds(_run(noun.sent, clauses[0].left_edge.i, noun.sent.end - 1))
        elif follows is not None and follows.lower_ == "that" and follows.i > noun.i:
            # The parser lost the clause ("a statement by X that “…” is …"): take the rest.
            bounds = _bounds(_run(noun.sent, follows.i, noun.sent.end - 1))
        elif noun.dep_ == "nsubj" and noun.head.lemma_ == "be":
            comps = [c for c in noun.head.children if c.dep_ in ("ccomp", "attr") and c.left_edge.lower_ == "that"]
            bounds = _bounds(_run(noun.sent, comps[0].left_edge.i, comps[0].right_edge.i)) if comps else None
        else:
            return
        if bounds is not None:
            yield self._candidate("nominal", speakers[0], bounds, [noun])

    def _source(self, token: Token) -> Iterator[Candidate]:
        """'according to X, …' and 'In his words, …': the rest of the sentence is the content."""
        phrase = self._source_phrase(token)
        if phrase is None:
            return
        first, cue_end, last, speaker = phrase
        sent = token.sent
        after = _run(sent, last + 1, sent.end - 1)
        before = _run(sent, sent.start, first - 1)
        clause_before = any(t.dep_ in _SUBJECTS for t in before)
        bounds = _bounds(before) if clause_before or not after else _bounds(after)
        if bounds is not None:
            yield self._candidate("source", speaker, bounds, _run(sent, first, cue_end))

    def _source_phrase(self, token: Token) -> tuple[int, int, int, Token] | None:
        """(first, cue end, last token index, speaker head) of a source phrase at ``token``."""
        doc = token.doc
        for phrase in self.lexicon.source_phrases:
            words = phrase.split()
            if [t.lower_ for t in doc[token.i : token.i + len(words)]] != words:
                continue
            prep = doc[token.i + len(words) - 1]
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            if objects:
                # "according to the envoy, Amara Okafor, …": the name belongs to the source.
                appos = [c for c in objects[0].children if c.dep_ == "appos" and c.i > objects[0].i]
                last = noun_phrase_end(appos[-1]) if appos else noun_phrase_end(objects[0])
                return token.i, prep.i, last, objects[0]
        if token.lower_ in ("in",) and token.dep_ == "prep":
            sources = self.lexicon.possessive_sources
            nouns = [c for c in token.children if c.dep_ == "pobj" and (c.lemma_.lower() in sources or c.lower_ in sources)]
            owners = [c for n in nouns for c in n.children if c.dep_ == "poss"]
            if nouns and owners:
                return token.i, nouns[0].i, nouns[0].i, owners[0]
        return None
