"""Phrasal and light-verb cues: a verb that reports speech only with a particle, a
preposition or a fixed object ("ruled out a deal", "warned of delays", "made clear that …",
"stressed the need for calm"); what follows is the content.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from redline.attribute.en.content import FILLER, bounds, right_content, run
from redline.attribute.en.lexicon import Lexicon, PhrasalCue
from redline.attribute.en.speakers import mention

_FIXED_OBJECT_DEPS = ("dobj", "oprd", "acomp", "ccomp", "attr", "npadvmod")


def _fixed_objects(verb: Token, cue: PhrasalCue) -> list[Token]:
    """The cue's fixed object among the verb's complements ("the alarm", "clear"), or right
    after the verb on the clause it opens ("made clear it will …", read with "clear" on
    the clause's verb)."""
    found = [c for c in verb.children if c.dep_ in _FIXED_OBJECT_DEPS and c.lemma_.lower() in cue.objects]
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if (not found and after is not None and after.lemma_.lower() in cue.objects and after.head.dep_ == "ccomp"
            and after.head.head.i == verb.i):
        found = [after]
    return found


def _preps(holders: list[Token], wanted: frozenset[str], lexicon: Lexicon) -> list[Token]:
    """The wanted prepositions on the holders or one phrase below them ("spoke in the same
    vein about …"); below, "of", "for" and "to" belong to the noun ("on condition of")."""
    found = [c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in wanted]
    # "warned the unions of a strike": the parser hangs the preposition on the addressee.
    found = found or [g for c in holders[0].children if c.dep_ == "dobj" and mention(c, lexicon) is not None
                      for g in c.children if g.dep_ == "prep" and g.lower_ in wanted]
    wanted = wanted - {"of", "for", "to"}
    if not found:
        found = [g for h in holders for c in h.children if c.dep_ in ("prep", "dobj", "npadvmod")
                 for o in (c.children if c.dep_ == "prep" else [c]) if o.dep_ in ("pobj", "dobj", "npadvmod")
                 for g in o.children if g.dep_ == "prep" and g.lower_ in wanted]
    return sorted(found, key=lambda t: t.i)


def phrasal(verb: Token, cue: PhrasalCue, lexicon: Lexicon,
             is_cue: Callable[[Token], bool]) -> tuple[int, int] | None:
    """Content of a verb + particle / preposition / fixed object frame, or None if unmatched."""
    holders = [verb]
    if cue.objects:
        objects = _fixed_objects(verb, cue)
        if not objects:
            return None
        holders.append(objects[0])
    if cue.particle:
        particle = [c for c in verb.children if c.dep_ == "prt" and c.lower_ == cue.particle]
        if not particle:
            return None
        if not cue.preps:
            after = [c for c in verb.children if c.i > verb.i and c.dep_ in ("dobj", "ccomp", "xcomp")]
            return right_content(verb, after[0], is_cue) if after else None
    if cue.preps:
        # "On Monday, she commented on …": a preposition before the verb sets the scene.
        preps = [p for p in _preps(holders, cue.preps, lexicon) if p.i > verb.i]
        objects = [g for p in preps for g in p.children if g.dep_ in ("pobj", "pcomp")]
        # "spoke on Saturday": a date is when, not what.
        if not objects or objects[0].lower_ in FILLER or objects[0].ent_type_ in ("DATE", "TIME"):
            return None
        # "warned the council of delays", "accused the firm of lying": the object is part
        # of what was said.
        direct = [c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < preps[0].i and not cue.objects]
        return right_content(verb, direct[0] if direct else objects[0], is_cue)
    # "expressed readiness to talk", "made clear that …": the clause after the fixed word.
    tail = [c for h in holders for c in h.children
            if c.i > holders[-1].i and c.dep_ in ("acl", "ccomp", "relcl", "xcomp", "csubj")]
    if tail:
        return bounds(run(verb.sent, max(tail[0].left_edge.i, holders[-1].i + 1), verb.sent.end - 1))
    # "stressed the need for calm": no clause, so the noun and its phrase were said.
    fixed = holders[-1]
    return bounds(run(verb.sent, fixed.left_edge.i, fixed.right_edge.i)) if fixed.pos_ == "NOUN" else None


def phrasal_words(verb: Token, cue: PhrasalCue) -> list[Token]:
    """The particle or preposition of a phrasal cue, for the cue as written ("ruled out")."""
    holders = [verb, *_fixed_objects(verb, cue)]
    wanted = cue.preps | ({cue.particle} if cue.particle else set())
    return sorted((c for h in holders for c in h.children
                   if c.dep_ in ("prt", "prep") and c.lower_ in wanted and c.i > verb.i), key=lambda t: t.i)[:1]
