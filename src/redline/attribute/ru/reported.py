"""Russian attribution frames: where a cue's content and speaker lie in the parse.

Each frame is a shape of Russian reporting, tried in this order for every cue lemma:

- ``«…», — сказал он`` and ``ответил: «…»``: a quotation beside its cue (direct);
- ``Об этом заявил X``: the content is the sentence before;
- ``X заявил, что …`` / ``ответил, когда …``: a clause after a complementizer;
- ``X отметил: …``: a clause after a colon;
- ``X сообщил о …``: the "о" phrase;
- ``…, как заявил X, …``: the clause after the aside;
- ``…, заявил X``: the content before the cue (inverted order);
- ``X исключил размещение …``: the object of a verb whose object is the content;
- ``По словам X, …`` / ``…, по мнению X``: prepositional source frames;
- ``Рябков: …``: a headline naming its speaker before a colon (``headlines.py``).

A frame gives a :class:`Draft`: the content span and the speaker phrase, resolved later
in text order (a pronoun needs the speakers before it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from redline.attribute.ru.lexicon import Lexicon
from redline.attribute.ru.parse import Parsed, Sentence, Token
from redline.attribute.ru.quotes import Quote
from redline.models import Kind

_SUBJECT = ("nsubj", "nsubj:pass")
_NOT_CUE_POS = frozenset({"NOUN", "ADP", "PUNCT", "CCONJ", "SCONJ", "NUM"})
_CONTENT_DEPS = ("obj", "iobj", "obl", "xcomp", "ccomp", "nmod")
_TRIM = " \t\n.,;:—–-"
# How a sentence ends, as opposed to a line of page furniture ("Видео дня").
_SENTENCE_ENDS = (".", "!", "?", "…", "»", "\"", "”")
MIN_CHARS = 3
# The most words before a "по словам X" aside for the content to be what follows it.
_ASIDE_LEAD = 3
# Words of a source between a cue and the comma after it ("считает глава МИД Андрей Сибига,").
_SPEAKER_WORDS = 6
# The fewest words of a sentence that "Об этом заявил X" can point back to.
_LEAD_WORDS = 4


@dataclass(frozen=True)
class Draft:
    """A statement before its speaker is resolved: content span, cue and speaker phrase."""

    start: int
    end: int
    kind: Kind
    order: int
    cue: tuple[int, int] | None = None
    subject: tuple[int, int, int] | None = None
    gender: str | None = None
    # No speaker phrase: the source is the last one named ("говорится в сообщении").
    impersonal: bool = False


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """A span without the spaces and punctuation at its edges."""
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def kind_of(text: str, start: int, end: int, lexicon: Lexicon) -> Kind:
    """Mixed when a span holds a quotation mark, else indirect."""
    return "mixed" if any(c in lexicon.all_marks for c in text[start:end]) else "indirect"


class Frames:
    """Finds the drafts of one parsed document."""

    def __init__(self, parsed: Parsed, lexicon: Lexicon) -> None:
        self.parsed = parsed
        self.lexicon = lexicon
        self.text = parsed.text

    def _sentence(self, token: Token) -> Sentence:
        return self.parsed.sentences[token.sentence]

    def _is_cue(self, token: Token) -> bool:
        if token.lemma not in self.lexicon.cues or token.pos in _NOT_CUE_POS:
            return False
        return token.feats.get("VerbForm") not in ("Conv", "Part")

    def subjects(self, verb: Token) -> list[tuple[int, int, int]]:
        """The speaker phrases of a verb: its subject and the subject's coordinated members."""
        tokens = self.parsed.tokens
        heads = [c for c in self.parsed.children(verb.index) if c.rel in _SUBJECT]
        if not heads and verb.rel == "conj" and verb.head is not None:
            heads = [c for c in self.parsed.children(verb.head) if c.rel in _SUBJECT]
        out = []
        for head in heads[:1]:
            head = self._after_dateline(head)
            members = [head, *(c for c in self.parsed.children(head.index) if c.rel == "conj")]
            for k, member in enumerate(members):
                first, last = self.parsed.subtree(member.index)
                if k + 1 < len(members):
                    last = min(last, self.parsed.subtree(members[k + 1].index)[0] - 1)
                if k == 0 and len(members) > 1:
                    last = min(last, self.parsed.subtree(members[1].index)[0] - 1)
                first, last = self._clip(first, last, member.index, verb.index)
                out.append((first, last, member.index))
        if not out and self._locative(verb) is None:
            name = self._adjacent_name(verb)
            if name is not None:
                out.append(name)
        return [(f, l, h) for f, l, h in out if tokens[f].start < tokens[l].end]

    def _after_dateline(self, head: Token) -> Token:
        """"Вестник (ВТ) - Глава МИД Иван Петров заявил …": a dateline the parser made the
        subject, with the real subject hung on it after the dash; that one speaks."""
        tokens = self.parsed.tokens
        for child in self.parsed.children(head.index):
            dash = next((t for t in tokens[head.index + 1:child.index] if t.text in self.lexicon.dashes), None)
            if child.rel == "appos" and child.index > head.index and dash is not None:
                return child
        return head

    def _clip(self, first: int, last: int, head: int, verb: int) -> tuple[int, int]:
        """A subject phrase stops at commas, quotation marks and its verb."""
        tokens = self.parsed.tokens
        stop = {",", ":", "(", ")", *self.lexicon.all_marks, *self.lexicon.dashes}
        k = head
        while k > first and k - 1 != verb and tokens[k - 1].text not in stop:
            k -= 1
        m = head
        while m < last and m + 1 != verb and tokens[m + 1].text not in stop:
            m += 1
        while m > k and tokens[m].pos in ("ADP", "PUNCT", "CCONJ"):
            m -= 1
        while k < m and tokens[k].pos in ("ADP", "PUNCT", "CCONJ"):
            k += 1
        return k, m

    def _adjacent_name(self, verb: Token) -> tuple[int, int, int] | None:
        """A person named right after a verb the parser gave no subject."""
        sentence = self._sentence(verb)
        tokens = self.parsed.tokens
        # Not past a comma or a complementizer: what follows is the content, not the speaker.
        stop = next((t.index for t in tokens[verb.index + 1:sentence.last]
                     if t.text == "," or t.lemma in self.lexicon.complementizers), sentence.last)
        for name in self.parsed.names:
            if name.kind in ("PER", "ORG") and verb.index < name.first <= verb.index + 6 and name.last < stop:
                return name.first, name.last, name.last
        return None

    def _named_source(self, verb: Token) -> tuple[int, int, int] | None:
        """"говорится в заявлении советника Ивана Петрова": the person whose text an impersonal cue cites."""
        tokens = self.parsed.tokens
        sentence = self._sentence(verb)
        stop = next((t.index for t in tokens[verb.index + 1:sentence.last] if t.text == ","), sentence.last)
        if verb.index + 1 >= stop or tokens[verb.index + 1].lemma != "в":
            return None
        name = next((n for n in self.parsed.names if n.kind == "PER" and verb.index < n.first and n.last < stop), None)
        return (name.first, name.last, name.last) if name is not None else None

    def _locative(self, verb: Token) -> tuple[int, int, int] | None:
        """"В МИД настаивают": a plural verb with no subject speaks for the place it names."""
        if verb.feats.get("Number") != "Plur" or any(c.rel in _SUBJECT for c in self.parsed.children(verb.index)):
            return None
        for child in self.parsed.children(verb.index):
            first, last = self.parsed.subtree(child.index)
            if child.rel == "obl" and self.parsed.tokens[first].lemma == "в" and self.parsed.name_at(child.index):
                return first + 1, last, child.index
        return None

    def _draft(self, verb: Token, start: int, end: int, kind: Kind | None = None) -> list[Draft]:
        start, end = trim(self.text, start, end)
        if end - start < MIN_CHARS:
            return []
        kind = kind or kind_of(self.text, start, end, self.lexicon)
        gender = verb.feats.get("Gender") or ("Plur" if verb.feats.get("Number") == "Plur" else None)
        cue = (verb.start, verb.end)
        if verb.lemma in self.lexicon.impersonal:
            source = self._named_source(verb)
            if source is not None:
                return [Draft(start, end, kind, verb.start, cue, source, gender)]
            return [Draft(start, end, kind, verb.start, cue, None, gender, True)]
        subjects = self.subjects(verb)
        if not subjects and (located := self._locative(verb)) is not None:
            subjects = [located]
        return [Draft(start, end, kind, verb.start, cue, s, gender) for s in subjects]

    def quote_cue(self, quote: Quote) -> Token | None:
        """The cue verb of a quotation: after it (", — сказал он") or before it ("ответил: «")."""
        dashes = "".join(re.escape(d) for d in self.lexicon.dashes)
        after = re.match(rf"\s*[,!?…]?\s*[{dashes}]\s*", self.text[quote.close:])
        tokens = self.parsed.tokens
        if after is not None:
            at = quote.close + after.end()
            nearby = [t for t in tokens if at <= t.start < at + 40][:3]
            for token in nearby:
                if self._is_cue(token) or token.lemma in self.lexicon.impersonal:
                    return token
        before = self.text[:quote.open].rstrip()
        if before.endswith(":"):
            colon = len(before) - 1
            inside = [t for t in tokens if t.end <= colon and t.sentence == self._sentence_at(colon)]
            for token in reversed(inside):
                if self._is_cue(token):
                    return token
        return None

    def _sentence_at(self, char: int) -> int:
        for k, sentence in enumerate(self.parsed.sentences):
            if sentence.start <= char < sentence.end:
                return k
        return -1

    def split(self, quote: Quote) -> tuple[Token, list[tuple[int, int]]] | None:
        """«Мы готовы, — сказал он, — но не сейчас»: the cue inside a quote, and its two parts."""
        dashes = "".join(re.escape(d) for d in self.lexicon.dashes)
        inner = re.search(rf"[,!?…]\s+[{dashes}]\s+([^{dashes}]{{3,120}}?)[,.]\s+[{dashes}]\s+",
                          self.text[quote.start:quote.end])
        if inner is None:
            return None
        a0, a1 = quote.start + inner.start(1), quote.start + inner.end(1)
        verb = next((t for t in self.parsed.tokens if a0 <= t.start < a1 and self._is_cue(t)), None)
        if verb is None:
            return None
        first = (quote.start, quote.start + inner.start() + (0 if self.text[quote.start + inner.start()] == "," else 1))
        return verb, [first, (quote.start + inner.end(), quote.end)]

    def quoted(self, quotes: list[Quote]) -> tuple[list[Draft], set[int]]:
        """Drafts of the quotations beside a cue, and the cue tokens they used."""
        out: list[Draft] = []
        used: set[int] = set()
        previous: tuple[Quote, Token] | None = None
        for quote in quotes:
            halves = self.split(quote)
            if halves is not None:
                used.add(halves[0].index)
                for start, end in halves[1]:
                    out += self._draft(halves[0], start, end, "direct")
                continue
            verb = self.quote_cue(quote)
            if verb is None and quote.dialogue and previous is not None and previous[0].dialogue \
                    and "\n" not in self.text[previous[0].close:quote.open]:
                # "— …, — сказала она. — …": the line's second part shares the first one's cue.
                verb = previous[1]
            if verb is None:
                continue
            previous = (quote, verb)
            used.add(verb.index)
            out += self._draft(verb, quote.start, quote.end, "direct")
        return out, used

    def reported(self, used: set[int], quotes: list[Quote]) -> list[Draft]:
        """Drafts of reported speech around every cue verb not used by, nor inside, a quotation."""
        out: list[Draft] = []
        for token in self.parsed.tokens:
            if token.index in used or not self._is_cue(token):
                continue
            if any(q.open <= token.start < q.close for q in quotes):
                continue
            span = self._content(token)
            if span is not None:
                out += [d for start, end in self._paragraph_before(token, span) for d in self._draft(token, start, end)]
        return out

    def _paragraph_before(self, verb: Token, span: tuple[int, int]) -> list[tuple[int, int]]:
        """The sentences an "Об этом заявил X" closing a paragraph points back to: all of its own before it.

        A lead sentence and its follow-up ("Киев не откажется от … . На сегодня рассматриваются …
        Об этом заявил …") are both the speaker's; the content of any other frame is one span.
        """
        sentences = self.parsed.sentences
        here = sentences[verb.sentence]
        if verb.sentence == 0 or span != (sentences[verb.sentence - 1].start, sentences[verb.sentence - 1].end):
            return [span]
        own: list[tuple[int, int]] = []
        # Back to the paragraph's start or to a sentence with a cue of its own ("Такое заявление сделал …").
        for sentence in reversed(sentences[:verb.sentence]):
            tokens = self.parsed.tokens[sentence.first:sentence.last]
            if sentence.line != here.line or any(self._is_cue(t) for t in tokens):
                break
            # A dateline and an agency's tag ("МОСКВА, 5 мая. /Вестник/.") are sentences of no content.
            if sum(t.text.isalpha() for t in tokens) >= _LEAD_WORDS:
                own.insert(0, (sentence.start, sentence.end))
        return own or [span]

    def _content(self, verb: Token) -> tuple[int, int] | None:
        """The content span of a cue verb, by the first frame that fits."""
        tokens = self.parsed.tokens
        sentence = self._sentence(verb)
        body = tokens[sentence.first:sentence.last]
        end = sentence.end
        if verb.sentence > 0 and self._anaphoric_lead(body):
            before = self._said_before(verb.sentence)
            return before.start, before.end
        phrasal = [p for p in self.lexicon.phrasal_objects if p[0] == verb.lemma]
        if phrasal:
            span = self._phrasal(verb, sentence, phrasal)
            # "выступить", "сделать" report only in their phrase; "призвать" reports alone too.
            if span is not None or verb.lemma not in (*self.lexicon.speech_verbs, *self.lexicon.object_verbs):
                return span
        later = tokens[verb.index + 1:sentence.last]
        for k, token in enumerate(later):
            if token.lemma in self.lexicon.complementizers and token.pos in ("SCONJ", "ADV", "PART"):
                return token.end, self._before_next_cue(verb, token.index, end)
            if token.text == ":":
                return token.end, self._before_next_cue(verb, token.index, end)
            if token.pos in ("VERB", "AUX") or token.text in self.lexicon.all_marks:
                break
        if verb.lemma in self.lexicon.clause_only:
            return self._inverted(verb, sentence)
        if later and later[0].lemma in ("о", "об") and not (len(later) > 1 and later[1].lemma == "это"):
            return later[0].start, end
        # "пообещал помочь", "призвал Киев сесть за стол": an infinitive after the cue is the content.
        infinitive = next((c for c in self.parsed.children(verb.index) if c.rel == "xcomp" and c.index > verb.index
                           and c.feats.get("VerbForm") == "Inf"), None)
        if infinitive is not None and verb.lemma in self.lexicon.speech_verbs:
            return tokens[self.parsed.subtree(infinitive.index)[0]].start, self._before_next_cue(verb, infinitive.index, end)
        as_frame = self._as_frame(verb, sentence)
        if as_frame is not None:
            return as_frame
        aside = self._aside(verb, sentence)
        if aside is not None:
            return aside
        inverted = self._inverted(verb, sentence)
        if inverted is not None:
            return inverted
        if verb.lemma in self.lexicon.object_verbs:
            relative = self._relative_object(verb)
            if relative is not None:
                return relative
            place = self._locative(verb)
            # A fronted object is content ("Эти слова Петров назвал ложью"); a circumstance
            # before the verb ("в эфире радио Петров назвал …") is not.
            deps = [self.parsed.subtree(c.index)[0] for c in self.parsed.children(verb.index)
                    if c.rel in _CONTENT_DEPS and (place is None or c.index != place[2])
                    and not (c.rel == "obl" and c.index < verb.index)]
            if deps:
                return tokens[min(deps)].start, end
        return None

    def _relative_object(self, verb: Token) -> tuple[int, int] | None:
        """The noun phrase a relative clause's object stands for: in "гарантий, которых
        требует Киев" what Kyiv demands is the guarantees, written before the clause."""
        if verb.rel != "acl:relcl" or verb.head is None or not any(
                c.rel == "obj" and c.lemma == "который" for c in self.parsed.children(verb.index)):
            return None
        tokens = self.parsed.tokens
        first = self.parsed.subtree(verb.head)[0]
        last = self.parsed.subtree(verb.index)[0] - 1
        while last > first and tokens[last].pos == "PUNCT":
            last -= 1
        return (tokens[first].start, tokens[last].end) if last >= verb.head else None

    def _said_before(self, sentence: int) -> Sentence:
        """The sentence an "Об этом заявил …" lead points back to: the last one before it
        that ends as a sentence does, past a line of page furniture ("Видео дня") between."""
        for k in range(sentence - 1, -1, -1):
            line = self.parsed.sentences[k]
            if self.parsed.text[line.start:line.end].rstrip().endswith(_SENTENCE_ENDS):
                return line
        return self.parsed.sentences[sentence - 1]

    def _anaphoric_lead(self, body: tuple[Token, ...]) -> bool:
        """A sentence opening that points back ("Об этом заявил …", "Такое заявление сделал …")."""
        for lead in self.lexicon.anaphoric_leads:
            if [t.lemma for t in body[:len(lead)]] == lead and len(body) > len(lead) and body[len(lead)].pos != "PUNCT":
                return True
        return False

    def _phrasal(self, verb: Token, sentence: Sentence, phrases: list[list[str]]) -> tuple[int, int] | None:
        """"выступили с резкой критикой <content>": the content follows the fixed words.

        A clause may open it: "выступил с заявлением, что <content>".
        """
        later = [t for t in self.parsed.tokens[verb.index + 1:sentence.last] if t.pos not in ("ADJ", "ADV")]
        for phrase in phrases:
            words = phrase[1:]
            if [t.lemma for t in later[:len(words)]] == words and len(later) > len(words):
                rest = later[len(words):len(words) + 2]
                opener = next((t for t in rest if t.lemma in self.lexicon.complementizers), None)
                if opener is not None and all(t.text == "," for t in rest[:rest.index(opener)]):
                    return opener.end, self._before_next_cue(verb, opener.index, sentence.end)
                return later[len(words) - 1].end, sentence.end
        return None

    def _before_next_cue(self, verb: Token, after: int, end: int) -> int:
        """Where a content ends: before a cue coordinated with its own ("заявил, что …, и призвал …"),
        before another speaker's clause ("…, а Петров назвал …") or before an outlet's relay
        that closes the sentence ("…, сообщает Вестник")."""
        sentence = self._sentence(verb)
        tokens = self.parsed.tokens
        for token in tokens[after + 1:sentence.last]:
            if token.lemma in self.lexicon.relay_verbs and tokens[token.index - 1].text == ",":
                return tokens[token.index - 1].start
            # "X настаивает на том, чтобы …, заявил министр": the inverted attribution closes the content.
            if token.lemma in self.lexicon.speech_verbs and tokens[token.index - 1].text == "," and self._is_cue(token) \
                    and token.rel != "conj":
                return tokens[token.index - 1].start
            # "…, а Петров назвал …": a second speaker's clause starts at its subject.
            own = [self.parsed.subtree(c.index)[0] for c in self.parsed.children(token.index)
                   if c.rel in _SUBJECT and after < c.index < token.index] if self._is_cue(token) else []
            coordinated = token.rel == "conj" and token.head == verb.index and self._is_cue(token)
            if coordinated or (own and token.head is None):
                k = min([token.index, *own])
                while k > after + 1 and self.parsed.tokens[k - 1].pos in ("CCONJ", "PUNCT", "ADV"):
                    k -= 1
                return self.parsed.tokens[k].start
        return end

    def _as_frame(self, verb: Token, sentence: Sentence) -> tuple[int, int] | None:
        """"…, как заявил X, <content>": the content follows the aside."""
        tokens = self.parsed.tokens
        before = [t for t in tokens[max(sentence.first, verb.index - 3):verb.index]]
        if not any(t.lemma == "как" for t in before):
            return None
        comma = next((t for t in tokens[verb.index + 1:sentence.last] if t.text == ","), None)
        return (comma.end, sentence.end) if comma is not None else None

    def _aside(self, verb: Token, sentence: Sentence) -> tuple[int, int] | None:
        """"Однако, добавил X, <content>": a cue set off by commas after a lead of a word or two."""
        tokens = self.parsed.tokens
        lead = [t for t in tokens[sentence.first:verb.index] if t.pos != "PUNCT"]
        if not lead or len(lead) >= _ASIDE_LEAD or tokens[verb.index - 1].text != "," \
                or any(t.pos in ("VERB", "NOUN", "PROPN", "PRON") for t in lead):
            return None
        comma = next((t for t in tokens[verb.index + 1:min(verb.index + _ASIDE_LEAD + 4, sentence.last)] if t.text == ","), None)
        return (comma.end, sentence.end) if comma is not None else None

    def _inverted(self, verb: Token, sentence: Sentence) -> tuple[int, int] | None:
        """"<content>, заявил X": the verb follows a comma (or a dash) after its content."""
        tokens = self.parsed.tokens
        k = verb.index - 1
        while k > sentence.first and tokens[k].pos in ("ADV", "PART"):
            k -= 1
        if k <= sentence.first or tokens[k].text not in {",", *self.lexicon.dashes}:
            return None
        while k > sentence.first and tokens[k - 1].text in {",", *self.lexicon.dashes}:
            k -= 1
        if self._parenthetical(verb, sentence, k):
            # "Гарантии, считает Сибига, должны быть конкретными": the cue and its source sit
            # inside the content, which runs on to the end of the sentence.
            return sentence.start, sentence.end
        return sentence.start, tokens[k].start

    def _parenthetical(self, verb: Token, sentence: Sentence, opening: int) -> bool:
        """Whether the cue and its source, set off by commas, sit inside the content: what
        comes before them has no verb of its own and what follows the closing comma does
        ("Перемирие, заявил Песков, должно быть долгим"; not "…, заявил Песков, отвечая на вопрос")."""
        tokens = self.parsed.tokens
        near = tokens[verb.index + 1:min(verb.index + 1 + _SPEAKER_WORDS, sentence.last)]
        comma = next((t for t in near if t.text == ","), None)
        if comma is None:
            return False
        rest = tokens[comma.index + 1:sentence.last]
        lead = tokens[sentence.first:opening]
        if not rest or rest[0].feats.get("VerbForm") in ("Conv", "Part") or any(self._is_cue(t) for t in rest) \
                or any(_predicate(t) for t in lead):
            return False
        return any(_predicate(t) for t in rest)

    def according(self) -> list[Draft]:
        """"По словам X, …" and "…, по мнению X": prepositional source frames."""
        tokens = self.parsed.tokens
        frames = {(a.prep, a.noun) for a in self.lexicon.according}
        out: list[Draft] = []
        for token in tokens:
            sentence = self._sentence(token)
            nxt = tokens[token.index + 1:min(token.index + 3, sentence.last)]
            noun = next((t for t in nxt if t.pos in ("NOUN", "PROPN")), None)
            if (token.lemma, None) in frames:
                noun = token
            elif noun is None or (token.lemma, noun.lemma) not in frames:
                continue
            comma = next((t for t in tokens[noun.index + 1:sentence.last] if t.text == ","), None)
            # "По словам главы делегации, лидера фракции Ивана Петрова, …": an apposition runs
            # the source on past its first comma, to the comma that closes the phrase.
            last = self.parsed.subtree(noun.index)[1] if noun is not token else noun.index
            if comma is not None and comma.index < last < sentence.last - 1:
                comma = next((t for t in tokens[last:sentence.last] if t.text == ","), comma)
            phrase_end = (comma.index if comma else sentence.last) - 1
            owner = [t for t in tokens[token.index + 1:phrase_end + 1] if t.index != noun.index]
            if not owner:
                continue
            head = next((t for t in owner if t.pos in ("PROPN", "NOUN")), owner[0])
            gender = self.lexicon.pronouns.get(head.lemma) if head.pos == "PRON" else None
            lead = token.index == sentence.first or tokens[token.index - 1].text in (":", "—", "–")
            aside = comma is not None and token.index - sentence.first <= _ASIDE_LEAD + 1
            if (lead or aside) and comma is not None:
                # "Это, по его словам, значит …": a short lead before the aside leaves the content after it.
                start, end = comma.end, sentence.end
            elif token.index > sentence.first and tokens[token.index - 1].text == ",":
                start, end = sentence.start, tokens[token.index - 1].start
            else:
                continue
            start, end = trim(self.text, start, end)
            if end - start >= MIN_CHARS:
                cue_end = noun.end if noun is not token else token.end
                out.append(Draft(start, end, kind_of(self.text, start, end, self.lexicon), token.start,
                                 (token.start, cue_end), (owner[0].index, owner[-1].index, head.index), gender))
        return out


def _predicate(token: Token) -> bool:
    """A finite verb or a short adjective: the predicate of a clause ("должны", "возможно")."""
    return token.feats.get("VerbForm") == "Fin" or (token.pos == "ADJ" and token.feats.get("Variant") == "Short")
