"""Drafts: statements found but not yet given a speaker name, from quotes, reported speech
and headlines; ``Attributor`` resolves them in text order.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Token

from redline.attribute.en.cues import subject
from redline.attribute.en.direct import Attribution, after, attribution_at, before, standalone
from redline.attribute.en.lexicon import Confidence, Lexicon
from redline.attribute.en.parse import Parsed, end_offset, offset
from redline.attribute.en.content import Candidate
from redline.attribute.en.quotes import Quote
from redline.attribute.en.reported import Reported
from redline.attribute.en.resolve import Resolver
from redline.attribute.en.speakers import mention
from redline.models import Kind

# "Mayor: the bridge will reopen" — a headline that gives a source's words after a colon.
_HEADLINE = re.compile(r"(?P<name>[A-Z][\w’'.-]+(?: [A-Z][\w’'.-]+){0,2}):\s+(?P<content>\S.*?)\s*$")
# "Bridge 'will reopen in May' – mayor", "Port to stay shut - Reports", "Bridge to reopen in
# May: mayor": the source at the end, after a dash or a colon.
_TAIL_SOURCE = re.compile(r"(?P<content>\S.*?\S)(?:\s+[-–—]|\s*:)\s+(?P<source>[A-Za-z][\w’'.-]*(?: [A-Za-z][\w’'.-]*){0,3})\s*$")
# Entities that a headline's closing source may be (an organisation there is a site name).
_TAIL_ENTITIES = frozenset({"PERSON", "GPE", "NORP"})
# Longest line read as a headline.
_HEADLINE_CHARS = 300
# Fewest words for an unattributed quote to continue the statement before it.
_MIN_CONTINUATION = 3
# Punctuation that ends a quote's content but is not part of what was said.
_TRAILING = ",;:"
# What may close a quote before a cue after it: "…,” he said".
_CLOSING = ",;:.!?\"'”’ "


@dataclass
class Draft:
    """A statement before its speaker is named: content bounds, kind, cue and speaker head."""

    start: int
    end: int
    kind: Kind
    extent: tuple[int, int]
    speaker: Token | None = None
    cue: list[Token] = field(default_factory=list)
    frame: str = "quote"
    name: str | None = None
    name_span: tuple[int, int] = (0, 0)
    dash: bool = False
    speaker_kind: str | None = None

    def continues(self, text: str, previous: Draft) -> bool:
        """True when nothing but punctuation separates this quote from the statement before.

        A quote of one or two words ("Wild Rose") is a title or a name, not a continuation.
        """
        if (self.dash and not previous.dash) or len(text[self.start : self.end].split()) < _MIN_CONTINUATION:
            return False
        gap = text[previous.extent[1] : self.extent[0]]
        return previous.extent[1] <= self.extent[0] and not any(c.isalnum() for c in gap)

    def cue_bounds(self) -> tuple[int | None, int | None]:
        """Offsets of the cue as written, with auxiliaries ("has said") and "told reporters"."""
        if not self.cue:
            return None, None
        first, last = self.cue[0], self.cue[-1]
        for child in first.children:
            if child.i < first.i and child.dep_ in ("aux", "neg") and first.i - child.i <= 3:
                first = min(first, child, key=lambda t: t.i)
        end = end_offset(last)
        for child in last.children:
            # "told reporters", "told a news conference": the audience belongs to the cue.
            if child.left_edge.i == last.i + 1 and child.dep_ in ("dobj", "dative") and last.lemma_ == "tell":
                end = end_offset(child.right_edge)
        return offset(first), end

    def cue_text(self, text: str) -> str | None:
        """The cue as written, or None for a quote that continues the one before."""
        start, end = self.cue_bounds()
        return None if start is None or end is None else text[start:end]

    def factor(self, factors: Confidence, lexicon: Lexicon) -> float:
        """The confidence factor of the frame (a passive, a headline or nested speech is less
        sure) times that of the cue's frame (a belief or a finding is less sure than a word)."""
        by_frame = {"passive": factors.passive, "headline": factors.headline, "nested": factors.nested}
        cue_frame = lexicon.frame(self.cue[0].lemma_.lower()) if self.cue else None
        by_cue = {"thought": factors.thought, "evidence": factors.evidence}
        return by_frame.get(self.frame, 1.0) * by_cue.get(cue_frame or "", 1.0)


def _trim_quote(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and (text[end - 1] in _TRAILING or text[end - 1].isspace()
                           or (text[end - 1] == "." and not text[start:end].endswith(".."))):
        end -= 1
    return start, end


def quote_drafts(parsed: Parsed, lexicon: Lexicon, quotes: list[Quote]) -> list[Draft]:
    """A draft for every piece of every standalone quote, with its attribution if found."""
    groups: dict[int, list[Quote]] = defaultdict(list)
    for quote in quotes:
        groups[quote.group].append(quote)
    drafts: list[Draft] = []
    for pieces in groups.values():
        attribution = _attribution(parsed, lexicon, pieces)
        if attribution is False:
            continue
        scene = _scene_speaker(parsed, lexicon, pieces[0]) if attribution is None else None
        for piece in pieces:
            start, end = _trim_quote(parsed.text, piece.start, piece.end)
            extent = (piece.open_at, piece.close_at)
            if isinstance(attribution, Attribution):
                extent = (min(extent[0], attribution.start), max(extent[1], attribution.end))
            speaker = attribution.speaker if isinstance(attribution, Attribution) else scene
            cue = [attribution.cue] if isinstance(attribution, Attribution) else []
            drafts.append(Draft(start, end, "direct", extent, speaker, cue, dash=piece.dash))
    return drafts


def _scene_speaker(parsed: Parsed, lexicon: Lexicon, first: Quote) -> Token | None:
    """The person a paragraph of its own quotes without a cue: the subject of the sentence
    that sets it up ("The mayor took aim at the council.\n'They cannot even agree on a
    date.'"; after "X said …" that is X, whom the quote continues)."""
    paragraph = parsed.paragraph_at(first.open_at)
    text = parsed.text
    if (first.dash or paragraph[0] == 0 or standalone(text, first, paragraph[0]) != "line"
            or len(text[first.start : first.end].split()) < _MIN_CONTINUATION):
        return None
    root = parsed.sentence_at(paragraph[0] - 1).span.root
    subjects = [c for c in root.children if c.dep_ == "nsubj"]
    found = mention(subjects[0], lexicon) if subjects else None
    person = found is not None and (found.kind in ("person", "role", "name")
                                    or (found.kind == "pronoun" and found.refer == "person"))
    return subjects[0] if person else None


def _attribution(parsed: Parsed, lexicon: Lexicon, pieces: list[Quote]) -> Attribution | bool | None:
    """A quote group's attribution; None when it has none (it may continue), False to skip."""
    if pieces[0].dash:
        clauses = [p.attribution for p in pieces if p.attribution is not None]
        return attribution_at(parsed, lexicon, *clauses[0]) if clauses else None
    first, last = pieces[0], pieces[-1]
    paragraph = parsed.paragraph_at(first.open_at)
    how = standalone(parsed.text, first, paragraph[0])
    if how is None:
        return False
    # 'The envoy said, "…." The ministry announced …': a quote that a cue and a comma or a
    # colon introduce is that cue's, whatever sentence follows it.
    found = before(parsed, lexicon, first, paragraph[0]) if how in ("comma", "colon") else None
    found = found or after(parsed, lexicon, last, parsed.paragraph_at(last.open_at)[1])
    if found is None and how != "line":
        found = before(parsed, lexicon, first, paragraph[0])
    if found is None and how == "line":
        # 'Peskov told reporters:' as a paragraph of its own, the quote in the next one.
        earlier = [p for p in parsed.paragraphs if p[1] <= paragraph[0]]
        if earlier and parsed.text[earlier[-1][0] : earlier[-1][1]].rstrip().endswith(":"):
            found = before(parsed, lexicon, first, earlier[-1][0])
    if found is None and how == "comma":
        return False
    return found


def _kind(text: str, start: int, end: int, quotes: list[Quote]) -> tuple[Kind, int, int]:
    """Direct when the content is one whole quote, mixed when it holds one, else indirect."""
    # 'called the guarantee "the least …"': a quote that only a space parts from the content
    # completes it, though the parser hung it elsewhere.
    follows = [q for q in quotes if q.open_at >= end and not text[end : q.open_at].strip()]
    end = follows[0].close_at if follows and not follows[0].dash else end
    inside = [q for q in quotes if start <= q.close_at and q.open_at < end and q.open_at >= start - 1]
    # The parser may leave a closing mark out of the clause ('accused them of "lying"').
    end = max([end, *(q.close_at for q in inside if 0 < q.close_at - end <= 2)])
    if len(inside) == 1:
        quote = inside[0]
        outside = text[start : quote.open_at] + text[quote.close_at : end]
        if not any(c.isalnum() for c in outside):
            return "direct", *_trim_quote(text, quote.start, quote.end)
    return ("mixed" if inside else "indirect"), start, end


def reported_drafts(parsed: Parsed, lexicon: Lexicon, quotes: list[Quote], taken: list[Draft]) -> list[Draft]:
    """Drafts for reported speech, skipping quoted text and cues that quotes claimed."""
    claimed = {offset(t) for d in taken for t in d.cue}

    def skip(token: Token) -> bool:
        """True for a token inside a quote, or a cue an attributed quote already uses."""
        at = offset(token)
        return at in claimed or any(q.start <= at < q.end for q in quotes)

    drafts: list[Draft] = []
    for found in Reported(parsed, lexicon, skip).candidates():
        kind, start, end = _kind(parsed.text, found.start, found.end, quotes)
        same = [d for d in taken if (d.start, d.end) == (start, end)]
        if same and same[0].speaker is None:
            # A quote taken for a continuation has a speaker of its own after all.
            same[0].speaker, same[0].cue = found.speaker, found.cue
            same[0].extent = (min(same[0].extent[0], found.extent[0]), max(same[0].extent[1], found.extent[1]))
            continue
        # Nested speech lies inside another's content by nature; anything else there is a copy.
        if not found.nested and any(d.start <= start and end <= d.end for d in taken + drafts):
            continue
        if _repeats_cue(parsed.text, found, start, end, taken):
            continue
        frame = "nested" if found.nested else found.frame
        drafts.append(Draft(start, end, kind, found.extent, found.speaker, found.cue, frame))
    return drafts


def _repeats_cue(text: str, found: Candidate, start: int, end: int, taken: list[Draft]) -> bool:
    """Whether a trailing cue only says again who spoke a quote its content ends with: in
    "the minister said: 'We will sign,' he said" the "he said" reads back to the sentence's
    start over the minister's own cue."""
    at = offset(found.cue[0])
    if found.speaker is not None and found.speaker.i < found.cue[0].i:
        at = offset(found.speaker.left_edge)
    return at >= end and any(
        d.cue and start <= offset(d.cue[0]) < d.start < end and d.end <= at and not text[d.end:at].strip(_CLOSING)
        for d in taken)


def headline_drafts(parsed: Parsed, resolver: Resolver, quotes: list[Quote]) -> list[Draft]:
    """Headlines that name their source without a verb: 'Name: words' and 'words – Source'
    ("Ministry: port stays open", "Deal 'not on the table' – minister")."""
    drafts: list[Draft] = []
    lexicon = resolver.lexicon
    nouns = frozenset((*lexicon.group_nouns, *lexicon.organisation_nouns, *lexicon.person_roles))
    for start, end in parsed.paragraphs:
        line = parsed.text[start:end]
        if line.rstrip().endswith((".", "!", "?")) or len(line) > _HEADLINE_CHARS:
            continue
        found = _HEADLINE.match(line)
        source, content = ("name", "content") if found else ("source", "content")
        found = found or _TAIL_SOURCE.match(line)
        if found is None or len(found.group(content).split()) < _MIN_CONTINUATION:
            continue
        name = _headline_source(found.group(source), resolver, nouns)
        if source == "source" and not _tail_speaker(parsed, start + found.start(source), start + found.end(source), nouns):
            continue
        # "Ports: the ministry ruled out a strike" names a topic; the words have a source. At
        # the end the source is the one who speaks: "Port 'seeks a deal' – mayor".
        if name is None or (source == "name" and _attributed(parsed, lexicon, start + found.start(content),
                                                             start + found.end(content))):
            continue
        kind, first, last = _kind(parsed.text, start + found.start(content), start + found.end(content), quotes)
        span = (start + found.start(source), start + found.end(source))
        role = _tail_role(parsed, span, lexicon) if source == "source" else None
        if role is not None:
            # "… – harbour chief": a role the article names later, resolved like "Chief says …".
            drafts.append(Draft(first, last, kind, (start, end), role, frame="headline"))
            continue
        drafts.append(Draft(first, last, kind, (start, end), frame="headline", name=name, name_span=span))
    return drafts


def _tail_speaker(parsed: Parsed, start: int, end: int, nouns: frozenset[str]) -> bool:
    """True for a source at a headline's end that speaks: a person, a country, a speaking
    noun ("- Reports", "– minister"); a title's site name ("… - Daily Wire") is an organisation."""
    tokens = parsed.tokens_between(start, end)
    if not tokens or tokens[-1].lower_ in nouns:
        return bool(tokens)
    # The parser tags a headline's last words poorly: the article's other mentions tell.
    written = parsed.text[start:end]
    # "… - PM Vos" with the person named in full ("Tom Vos") below.
    last = written.split()[-1]
    return any((e.text == written and e.label_ in _TAIL_ENTITIES) or (e.label_ == "PERSON" and e.text.split()[-1] == last)
               for doc in parsed.docs for e in doc.ents)


def _tail_role(parsed: Parsed, span: tuple[int, int], lexicon: Lexicon) -> Token | None:
    """The role noun that ends a headline's closing source and names no one yet ("… – port chief")."""
    tokens = parsed.tokens_between(*span)
    last = tokens[-1] if tokens else None
    if last is None or last.lower_ not in lexicon.person_roles or last.ent_type_ == "PERSON":
        return None
    return last


def _attributed(parsed: Parsed, lexicon: Lexicon, start: int, end: int) -> bool:
    """True when a stretch of text holds a cue verb with a subject of its own."""
    return any(t.pos_ == "VERB" and t.lemma_.lower() in lexicon.cue_lemmas and subject(t, lexicon) is not None
               for t in parsed.tokens_between(start, end))


def _headline_source(written: str, resolver: Resolver, nouns: frozenset[str]) -> str | None:
    """The fullest name of a headline's source: a person or body the article names, or a
    speaking noun ("Reports", "Minister")."""
    name, person = resolver.names.fullest(written)
    if person is not None:
        return name
    # "… - PM Vos": the title before a name the article gives in full.
    words = written.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in resolver.lexicon.person_roles:
        words = words[1:]
    name, person = resolver.names.fullest(" ".join(words))
    if person:
        return name
    return written if written.split()[-1].lower() in nouns else None
