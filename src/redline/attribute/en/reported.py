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
from dataclasses import replace

from spacy.tokens import Token

from redline.attribute.en.content import FILLER, Candidate, bounds, candidate, right_content, run
from redline.attribute.en.cues import after_and, hypothetical, participle, subject
from redline.attribute.en.lexicon import Lexicon, PhrasalCue
from redline.attribute.en.phrasal import phrasal, phrasal_words
from redline.attribute.en.parse import Parsed, offset
from redline.attribute.en.sources import Sources
from redline.attribute.en.speakers import mention

_SUBJECTS = ("nsubj", "nsubjpass")
# Cues by which an outlet relays what someone else said ("…, the mayor told traders, the
# Herald reported"): when the reported clause is itself a person's speech, it is theirs.
_RELAYS = frozenset({"report"})
# Words of "more than once", "once again", "twice" that a parser may take for an object.
_FREQUENCY = frozenset({"more", "once", "twice", "again", "repeatedly"})
# Longest headline, in tokens; the words a headline cue may take before its content.
_HEADLINE_TOKENS = 30
_HEADLINE_LINKS = frozenset({"for", "that", "on", "to"})
_NOTHING = frozenset({"little", "nothing", "none"})
_REFLEXIVES = frozenset({"itself", "themselves", "himself", "herself", "ourselves"})
# Dependents of a cue after its reported clause that still run on that clause.
_TRAILING = frozenset({"prep", "npadvmod", "dep", "appos", "dobj", "punct"})
# Marks that open a quotation right after a cue.
_OPENING_MARKS = frozenset({"“", "\"", "«", "‘", "„"})


def _trimmed_end(text: str, start: int, end: int) -> int:
    """``end`` moved back over spaces and punctuation that close a clause."""
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:"):
        end -= 1
    return end


def _attribution_start(verb: Token, speaker: Token | None) -> int:
    """The first token of "Kremlin spokesman Dmitry Peskov has said" (speaker or auxiliaries)."""
    first = verb.i
    for child in verb.children:
        # "Deal 'within reach', PM says": a headline's content may be parsed as a second subject.
        other_subject = child.dep_ == "nsubj" and speaker is not None and child.i != speaker.i
        if child.i < verb.i and child.dep_ in ("aux", "neg", "advmod", "nsubj") and not other_subject:
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


def _characterises(verb: Token, only: str | None = None) -> bool:
    """True for "call X Y" or "describe X as Y": an object with a predicate of its own
    (with ``only="as"``, the as-phrase alone: "saw the vote as a turning point")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return any((c.dep_ == "oprd" and only is None) or (c.dep_ == "prep" and c.lower_ == "as")
               for holder in (verb, *objects) for c in holder.children if holder is verb or c.i > holder.i)


def _citing(verb: Token) -> Token | None:
    """The object of a "citing X" set off beside a cue's clause ("reported, citing the
    envoy, that …"), hung on the cue or on the clause's verb before its "that"."""
    clause = [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i]
    hosts = [verb, *clause]
    for host in hosts:
        for child in host.children:
            if child.lemma_.lower() == "cite" and child.tag_ == "VBG" and child.i > verb.i and (
                    host is verb or child.i < host.i):
                objects = [g for g in child.children if g.dep_ == "dobj"]
                if objects:
                    return objects[0]
    return None


def _content_first(verb: Token, speaker: Token | None, headline: bool = False) -> tuple[int, int] | None:
    """'CONTENT, X said': the sentence up to the comma before the attribution (in a headline,
    verbless: "Bridge 'a step forward', mayor says")."""
    if verb.dep_ == "relcl" or participle(verb) or _subordinate(verb):
        # "…, those who doubt the plan are …": a relative clause reports nothing before it,
        # ", underscoring …" reports what follows it, and "…, when the firm forecast growth"
        # times the sentence before it rather than saying it.
        return None
    sent = verb.sent
    first = _attribution_start(verb, speaker)
    before = first - 1
    while before >= sent.start and (sent.doc[before].is_space or sent.doc[before].text in "”»’\"'"):
        before -= 1
    if before <= sent.start or sent.doc[before].text not in ",?!":
        return None
    tokens = run(sent, sent.start, before - 1)
    # "According to the mayor, the council …": a source phrase before the comma is no clause.
    clause = headline or any(t.pos_ in ("VERB", "AUX") and t.dep_ != "prep" for t in tokens)
    if not clause or _fronted(tokens, verb):
        return None
    return bounds(_after_dateline(tokens))


def _fronted(tokens: list[Token], verb: Token) -> bool:
    """True when the words before the comma set the scene of the cue rather than say
    anything: "When pressed on the date, the mayor replied …", "Asked about the vote, she
    answered …", "In the first hour, he said …" (a time, a question put, a place)."""
    inside = {t.i for t in tokens}
    roots = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    if len(roots) != 1 or roots[0].head.i != verb.i or roots[0].i == verb.i:
        return False
    root = roots[0]
    if root.dep_ in ("prep", "npadvmod", "advmod"):
        return True
    unsaid = root.tag_ in ("VBN", "VBG") and not any(c.dep_ in _SUBJECTS for c in root.children)
    return root.dep_ == "advcl" and (unsaid or _subordinate(root))


def _subordinate(verb: Token) -> bool:
    """True for a cue opened by "when", "where", "after", "because" …: a clause that hangs
    from the sentence before it ("as" excepted: "…, as the mayor noted")."""
    return any((c.dep_ == "advmod" and c.tag_ == "WRB") or (c.dep_ == "mark" and c.lower_ not in ("as", "that"))
               for c in verb.children if c.i < verb.i)


def _in_brackets(token: Token) -> bool:
    """True for a name in brackets, as a wire credit opens a story ("(Wire) – …")."""
    doc = token.doc
    return (token.pos_ == "PROPN" and token.i > 0 and doc[token.i - 1].text == "("
            and token.i + 1 < len(doc) and doc[token.i + 1].text == ")")


def _after_dateline(tokens: list[Token]) -> list[Token]:
    """Tokens without a leading dateline ("MUSCAT - ", "BERLIN (Wire) — ")."""
    for k, token in enumerate(tokens[:8]):
        if token.text in ("-", "—", "–") and k > 0 and all(t.is_upper or t.is_punct or _in_brackets(t) for t in tokens[:k]
                                                          if not t.is_space and t.text not in "()"):
            return tokens[k + 1 :]
    return tokens


def _clause(verb: Token, speaker: Token | None, is_cue: Callable[[Token], bool],
            lexicon: Lexicon, headline: bool = False) -> tuple[int, int] | None:
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
        last = _trailing(verb, last, is_cue)
        # "the plan, which the mayor said would cost millions": the relative pronoun is not said.
        found = bounds(run(verb.sent, max(comps[0].left_edge.i, verb.i + 1), last))
        # 'said "we will win" and left': a quoted clause that opens the content is what was
        # said ('said "the plan" was dead' keeps the rest: a quoted phrase is part of it).
        quoted = _quote_after(verb)
        if (found is not None and quoted is not None and quoted[0] <= found[0] + 1 and quoted[1] < found[1]
                and any(t.pos_ in ("VERB", "AUX") and offset(t) < quoted[1] for t in verb.doc[verb.i + 2 : verb.sent.end])):
            return quoted
        return found
    # "warned in an address to the nation that …": the parser hung the clause elsewhere.
    # (A "that" tagged as a conjunction opens the clause even when the parser made the
    # clause a relative one: "claimed during the debate that the firm had agreed …".)
    thats = [t for t in verb.subtree if t.i > verb.i and t.lower_ == "that" and (t.dep_ == "mark" or t.tag_ == "IN")
             and _hangs_from(t.head, verb)]
    if thats and not any(c.dep_ in ("dobj", "ccomp") for c in verb.children):
        return bounds(run(verb.sent, thats[0].i, verb.right_edge.i))
    marks = [c for c in verb.children if c.dep_ == "mark" and c.lower_ == "as"]
    # "…, the mayor said as she warned of delays": an as-clause on a cue is a second act.
    if marks and verb.dep_ == "advcl" and verb.head.lemma_.lower() not in lexicon.clause_lemmas:
        # "…, as rivals have signalled being open to a bid": a cue with words of its own
        # after it is a clause of time or reason, not "as X noted" pointing at the sentence.
        if any(c.dep_ in ("xcomp", "ccomp", "dobj") and c.i > verb.i for c in verb.children):
            return None
        return _as_clause(verb)
    if _parenthetical(verb):
        # "The dam, he said, remained essential": the sentence around the aside is what was said.
        return bounds(list(verb.sent))
    return _quote_after(verb) or _content_first(verb, speaker, headline)


def _trailing(verb: Token, last: int, is_cue: Callable[[Token], bool]) -> int:
    """The content's last token, over phrases the parser hung on the cue after the clause.

    "said that Moscow had no word on talks held in Geneva, Switzerland, on the plan": the
    parser may attach "on the plan" (or an apposition of the clause's last noun) to "said",
    though it runs on the reported clause. A coordinated, participial or other clause of
    the cue's own ("…, and left", "…, adding …") ends the content.
    """
    for child in (c for c in verb.children if c.i > last):
        if child.dep_ not in _TRAILING or any(is_cue(t) and t.dep_ not in ("amod", "compound") for t in child.subtree):
            break
        last = max(last, child.right_edge.i)
    return last


def _quote_after(verb: Token) -> tuple[int, int] | None:
    """'She replied "not at all" when asked': a quote right after the cue is what was said,
    however the parser hung its words."""
    doc, sent = verb.doc, verb.sent
    opening = verb.i + 1
    if opening >= sent.end - 1 or doc[opening].text not in _OPENING_MARKS:
        return None
    closing = next((t.i for t in doc[opening + 1 : sent.end] if t.is_quote), None)
    return bounds(run(sent, opening + 1, closing - 1)) if closing is not None else None


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
        return bounds(run(sent, verb.right_edge.i + 1, sent.end - 1))
    if verb.right_edge.i >= sent.end - 2:
        return bounds(run(sent, sent.start, verb.left_edge.i - 1))
    return bounds(run(sent, head.left_edge.i, head.right_edge.i))


def _opening_participle(verb: Token) -> bool:
    """True for "Commenting on the vote, the mayor said …": a participle that opens the
    sentence before its governing cue sets the scene; the cue after it is the statement."""
    return (verb.tag_ == "VBG" and verb.dep_ in ("advcl", "csubj") and verb.i < verb.head.i
            and verb.left_edge.i == verb.sent.start)


def _reduced_passive(verb: Token) -> bool:
    """True for a cue in a passive that describes a noun ("a weekly owned and published by
    X", "the offer, announced by the mayor, …"): it names the noun's author, and says nothing."""
    node = verb.head if verb.dep_ == "conj" else verb
    return (node.dep_ == "acl" and verb.tag_ == "VBN"
            and any(c.dep_ == "agent" for c in (*verb.children, *node.children)))


def _object(verb: Token, is_cue: Callable[[Token], bool]) -> tuple[int, int] | None:
    """Content of an object cue: its object (not a bare "it") and what completes it.

    A bare "it" with a verdict on it counts when it was said once ("has called it a right",
    "said …, calling it a right"), not when it is a habit of naming ("the army calls it a
    “special operation”"). An
    object with "no" reports that nothing was said ("offered no hint", "gave no details").
    """
    objects = [c for c in verb.children if c.i > verb.i and c.dep_ in ("dobj", "xcomp", "ccomp")]
    # "called the right to strike non-negotiable" parsed with the object as the predicate.
    # Only a verdict once given ("has called"), not a habit of naming ("what it calls …").
    if not objects and verb.tag_ in ("VBD", "VBN") and not any(c.dep_ == "dobj" for c in verb.children):
        objects = [c for c in verb.children if c.i > verb.i and c.dep_ == "oprd"]
    # "X said the levy is unfair, calling it a tax on the poor": a participle after what a
    # speaker said is said then too.
    host = verb.head
    said = participle(verb) and (is_cue(host) or (host.dep_ == "ccomp" and is_cue(host.head)))
    verdict = _characterises(verb) and (verb.tag_ in ("VBD", "VBN") or said)
    if not objects or (objects[0].lower_ in FILLER and objects[0].n_lefts == 0 and not verdict):
        return None
    # "…, calling itself the Opposition Front": a name one takes is no verdict.
    if _nothing(objects[0]) or objects[0].lower_ in _REFLEXIVES:
        return None
    return right_content(verb, objects[0], is_cue)


def _passive_object(verb: Token, speaker: Token) -> tuple[int, int] | None:
    """Content of a passive object cue with its agent: "the plan was criticised by the
    senator as unworkable" reports the senator's verdict on the plan (the subject, through
    the as-phrase when there is one)."""
    if speaker.head.dep_ != "agent" and not any(t.lower_ == "by" for t in speaker.ancestors):
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass" and c.lower_ not in FILLER]
    if not subjects:
        return None
    if subjects[0].lower_ in ("which", "that", "who"):
        # "the levy, which was condemned by the chamber": the noun the clause describes.
        noun = verb.head
        return bounds(run(verb.sent, noun.left_edge.i, noun.i)) if verb.dep_ == "relcl" else None
    last = subjects[0].right_edge.i
    verdicts = [c for c in verb.children if c.dep_ in ("prep", "oprd") and c.i > verb.i
                and (c.lower_ == "as" or c.dep_ == "oprd")]
    if verdicts:
        last = verdicts[0].right_edge.i
    return bounds(run(verb.sent, subjects[0].left_edge.i, last))


def _open_question(verb: Token) -> bool:
    """True for a complement that asks rather than states ("consider whether …", "if …",
    "considers what terms would do", "weighs how to respond"): a question weighed."""
    for clause in (c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.i > verb.i):
        if any(m.dep_ == "mark" and m.lower_ in ("whether", "if") for m in clause.children):
            return True
        # The clause opens with a wh-word ("what terms …", "how to …", "which of them …").
        first = clause.left_edge
        if first.tag_ in ("WP", "WRB", "WDT", "WP$") and first.lower_ != "that":
            return True
    return any(c.lower_ == "whether" for c in verb.children)


def _nothing(token: Token) -> bool:
    """True for an object that says nothing was said: "no hint", "little", "nothing"."""
    return token.lower_ in _NOTHING or any(c.dep_ in ("det", "neg") and c.lower_ in ("no", "not")
                                           for c in token.children)


def _intent(verb: Token) -> tuple[int, int] | None:
    """Content of a commitment cue: its to-infinitive or that-clause, with the object that
    comes first ("vowed to continue", "urged Moscow to accept")."""
    clauses = [c for c in verb.children if c.i > verb.i and c.dep_ in ("xcomp", "ccomp")]
    # "threatened more than once to close the port": an adverbial read as the object pushes
    # the infinitive off as a clause of purpose.
    adverbial = [c for c in verb.children if c.dep_ == "dobj" and c.lower_ in _FREQUENCY]
    clauses = clauses or [c for c in verb.children if adverbial and c.i > adverbial[0].i and c.dep_ == "advcl"
                          and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)]
    if not clauses:
        return None
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative") and verb.i < c.i < clauses[0].i
               and c not in adverbial]
    if objects and _nothing(objects[0]):
        return None
    first = objects[0].left_edge.i if objects else clauses[0].left_edge.i
    return bounds(run(verb.sent, first, clauses[0].right_edge.i))


def _joined_clause(found: Candidate) -> Token | None:
    """The "and" or "but" that opens a coordinated clause with a cue and a subject of its
    own (", and critics have decried the plan", ", but the union has maintained …")."""
    verb = found.cue[0]
    if verb.dep_ != "conj" or found.speaker is None or found.speaker.head.i != verb.i or found.speaker.i > verb.i:
        return None
    first = verb.doc[min(verb.left_edge.i, found.speaker.left_edge.i)]
    joiner = verb.doc[first.i - 1] if first.i > 0 else None
    if joiner is None or joiner.lower_ not in ("and", "but") or joiner.i < 2 or joiner.doc[joiner.i - 1].text != ",":
        return None
    return joiner.doc[joiner.i - 1]


def _holds(host: Candidate, other: Candidate) -> bool:
    """True when ``other``'s cue lies inside ``host``'s content."""
    return host is not other and host.start <= offset(other.cue[0]) < host.end


def _trails(verb: Token) -> bool:
    """True for a cue whose clause closes its sentence ("…, the Tribune wrote on May 4.")."""
    sent = verb.sent
    return not any(t.is_alpha for t in verb.doc[verb.right_edge.i + 1 : sent.end])


def _untangled(found: list[Candidate], text: str) -> tuple[list[Candidate], set[tuple[int, int]]]:
    """Candidates that hold each other's cue, each cut to its own words, and those pairs.

    "According to the mayor, the port will close, the Tribune wrote": the source phrase
    reads the rest of the sentence, the trailing cue the sentence before it, so each holds
    the other. When the first reads its words after its cue and the second's attribution
    closes the sentence, neither is nested in the other: the first stops where the
    second's attribution begins, and the second keeps its content.
    """
    kept = list(found)
    pairs: set[tuple[int, int]] = set()
    for k, first in enumerate(found):
        for j, second in enumerate(found):
            if (offset(second.cue[0]) <= offset(first.cue[0]) or not (_holds(first, second) and _holds(second, first))
                    or first.start < offset(first.cue[0]) or not _trails(second.cue[0])):
                continue
            pairs |= {(k, j), (j, k)}
            verb = second.cue[0]
            cut = offset(verb.doc[_attribution_start(verb, second.speaker)])
            if first.start < cut <= kept[k].end:
                kept[k] = replace(kept[k], end=_trimmed_end(text, first.start, cut))
    return kept, pairs


class Reported:
    """Finds reported-speech candidates in a parsed document."""

    def __init__(self, parsed: Parsed, lexicon: Lexicon, skip: Callable[[Token], bool]) -> None:
        self.parsed = parsed
        self.lexicon = lexicon
        self.skip = skip
        self.sources = Sources(parsed, lexicon)
        self.phrasal: dict[str, list[PhrasalCue]] = {}
        for cue in lexicon.phrasal_cues:
            for verb in sorted(cue.verbs):
                self.phrasal.setdefault(verb, []).append(cue)

    def is_cue(self, token: Token) -> bool:
        """True for a verb that can report speech in some frame."""
        return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in self.lexicon.cue_lemmas

    def candidates(self) -> list[Candidate]:
        """Every reported-speech candidate, a statement reported inside another's kept apart.

        A participle cue inside another's content (", adding that …", which the parser may
        hang from the reported clause) is kept instead, and so is a cue after "and" that
        shares the outer speaker ("…, and urged …"): the outer content stops before the
        comma or the "and", and the inner cue takes the outer speaker when it has none.
        Any other cue inside another's content with a speaker of its own is nested speech
        ("aides said the mayor had told them …"): a record of its own, marked nested.
        """
        # A cue whose subject cannot speak ("those who doubt the plan") hosts nothing.
        found = [c for t in self.parsed.tokens() if not self.skip(t) for c in self._at(t)
                 if c.speaker is None or mention(c.speaker, self.lexicon) is not None]
        found, untangled = _untangled(found, self.parsed.text)
        for index, inner in enumerate(found):
            at = offset(inner.cue[0])
            outer = [k for k, o in enumerate(found)
                     if o is not inner and o.start <= at < o.end and (k, index) not in untangled]
            cue = inner.cue[0]
            speakers = {s.i for s in (found[k].speaker for k in outer) if s is not None}
            shared = after_and(cue) and inner.speaker is not None and inner.speaker.i in speakers
            joined = _joined_clause(inner)
            if outer and joined is not None and not shared:
                # "X said A, and critics have decried B": a clause of its own after "and" or
                # "but", with a cue and a subject, is the narrator's report, not X's words.
                host = found[outer[0]]
                found[outer[0]] = replace(host, end=_trimmed_end(self.parsed.text, host.start, offset(joined)))
            elif outer and (participle(cue) or shared):
                # The outer content stops before the comma or the "and" that opens the act.
                host = found[outer[0]]
                cut = offset(cue.doc[cue.i - 1])
                found[outer[0]] = replace(host, end=_trimmed_end(self.parsed.text, host.start, cut))
                found[index] = replace(inner, speaker=inner.speaker or host.speaker)
            elif outer:
                found[index] = replace(inner, nested=True)
        return [c for c in found if c.speaker is not None and c.end > c.start
                and (not c.nested or self._reports(c, found)) and not self._relays(c)]

    def _relays(self, host: Candidate) -> bool:
        """True for an outlet's report of a person's speech written before it ("The fees will
        fall, the mayor told traders, the Herald reported"; "The mayor assured traders that
        …, the Herald reported"): the outlet relays the person's statement, not one of its own.
        A report that leads ("the Herald reported that the city had offered …") keeps a
        party's acts the outlet's, as nested speech does."""
        verb = host.cue[0]
        if verb.lemma_.lower() not in _RELAYS:
            return False
        for inner in verb.children:
            if inner.dep_ == "ccomp" and inner.i < verb.i and self.is_cue(inner):
                who = next((t for t in inner.children if t.dep_ in _SUBJECTS), None)
                speaker = mention(who, self.lexicon) if who is not None else None
                if speaker is not None and speaker.kind in ("person", "role", "pronoun", "name"):
                    return True
        return False

    def _reports(self, nested: Candidate, found: list[Candidate]) -> bool:
        """True for a nested candidate that is speech by someone else, not a thought or a
        finding ("Peskov said Putin believes …" is Peskov's statement only)."""
        at = offset(nested.cue[0])
        hosts = {c.speaker.i for c in found if c is not nested and c.start <= at < c.end and c.speaker is not None}
        speech = nested.cue[0].lemma_.lower() in self.lexicon.clause_cues.get("speech", ())
        if nested.frame != "clause" or not speech or nested.speaker is None or nested.speaker.i in hosts:
            return False
        # A person's words ("… which she said was …"); a party's acts that an outlet or an
        # expert relays ("Reuters reported that Kyiv had announced …") are the relayer's.
        speaker = mention(nested.speaker, self.lexicon)
        return speaker is not None and speaker.kind in ("person", "pronoun", "role")

    def _at(self, token: Token) -> Iterator[Candidate]:
        if self.is_cue(token) or self._headline_stance(token):
            yield from self._verb(token)
        yield from self.sources.at(token)

    def _verb(self, verb: Token) -> Iterator[Candidate]:
        if _opening_participle(verb) or _reduced_passive(verb):
            return
        speaker = subject(verb, self.lexicon)
        # "The United States does not talk about guarantees": a negated cue reports nothing;
        # "Russia may demand …" is a guess about a statement, not one.
        if (speaker is None and not participle(verb)) or hypothetical(verb):
            return
        lemma = verb.lemma_.lower()
        found, frame, words = None, "clause", [verb]
        for cue in self.phrasal.get(lemma, []):
            if found is None:
                found = phrasal(verb, cue, self.lexicon, self.is_cue)
                words = [verb, *phrasal_words(verb, cue)] if found else words
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        if found is None and lemma in self.lexicon.clause_lemmas:
            demonstrative = [c for c in verb.children if c.dep_ == "nsubjpass" and c.lower_ in ("this", "that")]
            if passive and demonstrative:
                found, frame = self._previous_sentence(verb), "passive"
            else:
                found = _clause(verb, speaker, self.is_cue, self.lexicon, self._headline(verb))
            # "The board will consider whether to sell": a question weighed is not a view.
            if found is not None and self.lexicon.frame(lemma) == "thought" and _open_question(verb):
                found = None
        # A trailing participle of an evaluation cue (", dismissing a call for …") is
        # narration, unless it characterises its object (", calling the project a pillar",
        # ", describing it as …"): that is the speaker's own verdict. A speech cue's
        # participle (", underscoring the port's role") reports what was said.
        speech_object = lemma in self.lexicon.object_cues.get("speech", ())
        timed = verb.dep_ == "pcomp" and verb.head.lower_ in self.lexicon.time_prepositions
        if (found is None and lemma in self.lexicon.object_lemmas and not passive and not timed
                and (not participle(verb) or speech_object or _characterises(verb))):
            found, frame = _object(verb, self.is_cue), "object"
        if found is None and lemma in self.lexicon.object_lemmas and passive and speaker is not None:
            found, frame = _passive_object(verb, speaker), "object"
        if found is None and lemma in self.lexicon.as_cues and not passive and _characterises(verb, "as"):
            found, frame = _object(verb, self.is_cue), "object"
        if found is None and lemma in self.lexicon.intent_cues and not passive:
            found, frame = _intent(verb), "object"
        if found is None and speaker is not None and speaker.i < verb.i and not timed and self._headline(verb):
            found, words = self._headline_rest(verb)
        cited = _citing(verb) if found is not None and frame == "clause" else None
        if found is not None and cited is not None:
            # "The Herald reported, citing Mayor Hale, that …": the cited speaker speaks (an
            # unnamed "its own sources" leaves it the outlet's); the phrase is no content.
            rest = bounds(list(verb.doc[cited.head.right_edge.i + 1 : verb.sent.end]))
            if rest is not None and found[0] <= offset(cited.head) < found[1] and rest[0] < found[1]:
                found = (rest[0], found[1])
            named = mention(cited, self.lexicon)
            if named is not None and named.kind in ("person", "name", "organisation", "role"):
                speaker = cited
        if found is not None:
            yield candidate(frame, speaker, found, words)

    def _headline_stance(self, verb: Token) -> bool:
        """True for a stance verb of a headline that is not itself attributed ("Port backs
        the levy"; not "Traders backed the levy, mayor says")."""
        return (verb.pos_ == "VERB" and verb.lemma_.lower() in self.lexicon.headline_cues and self._headline(verb)
                and not any(self.is_cue(t) for t in verb.sent if t.i != verb.i))

    def _headline(self, verb: Token) -> bool:
        """True when the cue's sentence is a whole line without a closing stop: a headline."""
        sent = verb.sent
        start, end = self.parsed.paragraph_at(offset(sent[0]))
        line = self.parsed.text[start:end].rstrip()
        return offset(sent[0]) == start and not line.endswith((".", "!", "?")) and len(sent) <= _HEADLINE_TOKENS

    def _headline_rest(self, verb: Token) -> tuple[tuple[int, int] | None, list[Token]]:
        """'Ministry says talks key to peace', 'League calls for calm': headlines drop the
        verbs a parse needs, so the rest of the line after the cue is what was said."""
        doc, sent = verb.doc, verb.sent
        first = verb.i + 1
        words = [verb]
        if first < sent.end and doc[first].lower_ in _HEADLINE_LINKS:
            words.append(doc[first])
            first += 1
        elif first < sent.end and doc[first].pos_ == "ADP" and doc[first].dep_ == "prep":
            # "Minister speaks during a news conference": a caption's time or place, not
            # what was said.
            return None, words
        if first >= sent.end:
            return None, words
        return bounds(run(sent, first, sent.end - 1)), words

    def _previous_sentence(self, verb: Token) -> tuple[int, int] | None:
        """The sentence a "This was stated by X" points back to, unless that sentence is
        already attributed: then "This was reported by the agency" only relays it."""
        here = self.parsed.sentence_at(offset(verb))
        if here.index == 0:
            return None
        before = self.parsed.sentences[here.index - 1].span
        if any(self.is_cue(t) and subject(t, self.lexicon) is not None for t in before):
            return None
        return bounds(list(before))
