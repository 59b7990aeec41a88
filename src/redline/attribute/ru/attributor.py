"""Russian attribution: Document -> Statements with natasha.

The stage reads a document in four steps: parse it (natasha, loaded on first use); find
its quotations; read every attribution frame (quotes beside their cue, reported speech,
source phrases, headlines); then, in text order, resolve every speaker phrase to one
person or body. Offsets are into ``Document.text``; every content is ``text[start:end]``.
"""

from __future__ import annotations

import re
from pathlib import Path

from redline.attribute.ru.headlines import Headlines
from redline.attribute.ru.lexicon import load_lexicon
from redline.attribute.ru.parse import MODEL_NAME, parse
from redline.attribute.ru.quotes import find_quotes
from redline.attribute.ru.reported import Draft, Frames
from redline.attribute.ru.speakers import People, Speaker
from redline.errors import RedlineError
from redline.models import Document, Statement

# A dateline ("ГОРОД, 5 мая"), a place in capitals and a date: where a report was filed, not words said.
_DATELINE = re.compile(r"[A-ZА-ЯЁ][A-ZА-ЯЁ-]+(?: [A-ZА-ЯЁ-]+)*, \d")


class RussianAttributor:
    """Holds the Russian lexicon; natasha's models load when the first document arrives."""

    language = "ru"

    def __init__(self, model: str = MODEL_NAME, lexicon: Path | None = None) -> None:
        if model != MODEL_NAME:
            raise RedlineError(f"Russian model {model!r} is not available (redline ships {MODEL_NAME!r})")
        self.model_name = model
        self.lexicon = load_lexicon(lexicon)

    def statements(self, document: Document) -> list[Statement]:
        """Every attributed statement of the document, in text order."""
        text = document.text
        # 1. Parse (tokens, lemmas, syntax, names), cached for the position stage.
        parsed = parse(text)
        # 2. Quotations in every style.
        quotes = find_quotes(text, self.lexicon)
        # 3. Every frame: quotes beside a cue, reported speech, source phrases, headlines.
        frames = Frames(parsed, self.lexicon)
        drafts, used = frames.quoted(quotes)
        drafts += frames.reported(used, quotes) + frames.according() + Headlines(parsed, self.lexicon).drafts()
        relays = {t.start for t in parsed.tokens if t.lemma in self.lexicon.relay_verbs}
        # A past-tense speech verb with a named subject reports speech that happened, even inside
        # another statement ("По словам министра, соседи обещали помочь"): its own record.
        said = {t.start for t in parsed.tokens if t.lemma in self.lexicon.speech_verbs and t.feats.get("Tense") == "Past"
                and any(c.rel in ("nsubj", "nsubj:pass") and parsed.name_at(c.index) is not None for c in parsed.children(t.index))}
        drafts = _outermost(drafts, relays, said)
        # 4. Speakers in text order, so that "он" and "дипломат" find who spoke before.
        people = People(parsed, self.lexicon)
        resolved: list[tuple[Draft, Speaker]] = []
        last: Speaker | None = None
        for draft in sorted(drafts, key=lambda d: (d.order, d.start)):
            speaker = last if draft.impersonal else self._speaker(people, draft)
            if speaker is None or _DATELINE.match(text[draft.start:draft.end]):
                continue
            people.spoke(speaker)
            last = speaker
            resolved.append((draft, speaker))
        # 5. An outlet relaying what someone said ("…, заявил министр, передает агентство")
        #    is not a second speaker; an outlet with no one else behind the words is the source.
        voiced = [d for d, s in resolved if not s.outlet]
        out: list[Statement] = []
        seen: set[tuple[int, int, str]] = set()
        for draft, speaker in resolved:
            if speaker.outlet and any(d.start < draft.end and draft.start < d.end for d in voiced):
                continue
            key = (draft.start, draft.end, speaker.name)
            if key not in seen:
                seen.add(key)
                out.append(self._statement(document, draft, speaker))
        return sorted(out, key=lambda s: (s.start, s.end))

    def _speaker(self, people: People, draft: Draft) -> Speaker | None:
        if draft.subject is None:
            return None
        first, last, head = draft.subject
        relayed = draft.cue is not None and any(
            t.lemma in self.lexicon.relay_verbs for t in people.parsed.tokens if draft.cue[0] <= t.start < draft.cue[1])
        return people.resolve(first, last, head, draft.gender, relayed)

    def _statement(self, document: Document, draft: Draft, speaker: Speaker) -> Statement:
        text = document.text
        cue_start, cue_end = draft.cue if draft.cue else (None, None)
        return Statement(
            document_id=document.id, speaker=speaker.name, speaker_mention=text[speaker.start:speaker.end],
            content=text[draft.start:draft.end], start=draft.start, end=draft.end, kind=draft.kind,
            cue=text[cue_start:cue_end] if cue_start is not None else None, cue_start=cue_start, cue_end=cue_end,
            speaker_start=speaker.start, speaker_end=speaker.end, role=speaker.role,
        )


def _outermost(drafts: list[Draft], relays: set[int], said: set[int]) -> list[Draft]:
    """Drop a cue reported inside another statement ("эксперт считает, что Москва будет настаивать …").

    An outlet's relay ("…, заявил министр, сообщает Вестник"; cues starting at ``relays``)
    holds the speaker's statement, not a statement of its own that would hide it.
    """
    def nested(draft: Draft) -> bool:
        return draft.cue is not None and draft.cue[0] not in said and any(
            other is not draft and other.start <= draft.cue[0] < other.end and other.cue is not None
            and other.cue[0] not in relays and not draft.start <= other.cue[0] < draft.end for other in drafts)
    return [d for d in drafts if not nested(d)]
