"""Russian headlines: lines that name their speaker with punctuation alone, no verb.

"Рябков: Россия не согласится …" (a name and a colon open the line), "Министр о перемирии:
«…»" (a topic before the colon) and "Присутствие НАТО будет увеличено, - Туск" (a dash and
a name close it): the forms of headlines and related-link lines.
"""

from __future__ import annotations

from redline.attribute.ru.lexicon import Lexicon
from redline.attribute.ru.parse import Parsed, Sentence
from redline.attribute.ru.reported import MIN_CHARS, Draft, kind_of, trim
from redline.models import Kind

# The most words a headline's topic ("Песков о переговорах: …") runs before its colon.
_TOPIC_WORDS = 8


class Headlines:
    """Finds the headline drafts of one parsed document."""

    def __init__(self, parsed: Parsed, lexicon: Lexicon) -> None:
        self.parsed = parsed
        self.lexicon = lexicon
        self.text = parsed.text

    def drafts(self) -> list[Draft]:
        """The drafts of every line that names its speaker before a colon or after a dash."""
        tokens = self.parsed.tokens
        out: list[Draft] = []
        for sentence in self.parsed.sentences:
            first, last = sentence.first, sentence.last - 1
            if tokens[last].text in ".!" and last > first:
                last -= 1
            opening = self._name_run(first, 1)
            colon = self._headline_colon(opening, sentence) if opening is not None else None
            if opening is not None and colon is not None:
                start, end = tokens[colon].end, sentence.end
                subject = (first, opening, opening)
            else:
                closing = self._name_run(last, -1)
                if closing is None or closing - 1 <= first or tokens[closing - 1].text not in self.lexicon.dashes:
                    continue
                start, end, subject = sentence.start, tokens[closing - 1].start, (closing, last, last)
            if any((n := self.parsed.name_at(k)) is not None and n.kind == "LOC"
                   and tokens[k].lemma not in self.lexicon.seats for k in subject[:2]):
                continue
            start, end = trim(self.text, start, end)
            if end - start >= MIN_CHARS:
                quoted = self._unquote(start, end) != (start, end)
                start, end = self._unquote(start, end)
                kind: Kind = "direct" if quoted else kind_of(self.text, start, end, self.lexicon)
                out.append(Draft(start, end, kind, tokens[subject[0]].start, None, subject))
        return out

    def _headline_colon(self, name: int, sentence: Sentence) -> int | None:
        """The colon after a headline's name, right after it or after its topic.

        "Рябков: …" and "Министр о перемирии: «…»" (a topic in "о …" between name and colon).
        """
        tokens = self.parsed.tokens
        after = name + 1
        if after < sentence.last and tokens[after].text == ":":
            return after
        if after < sentence.last and tokens[after].lemma in ("о", "об", "про"):
            return next((t.index for t in tokens[after + 1:min(after + _TOPIC_WORDS, sentence.last)]
                         if t.text == ":"), None)
        return None

    def _unquote(self, start: int, end: int) -> tuple[int, int]:
        """A span wholly inside one pair of quotation marks, without the marks ("Песков: «…»")."""
        text = self.text[start:end].strip()
        offset = start + self.text[start:end].index(text[0]) if text else start
        if len(text) > 2 and text[0] in self.lexicon.closers and text[-1] in self.lexicon.closers[text[0]] \
                and not any(c in self.lexicon.all_marks for c in text[1:-1]):
            return offset + 1, offset + len(text) - 1
        return start, end

    def _name_run(self, edge: int, step: int) -> int | None:
        """The other end of a run of one or two proper nouns at ``edge`` (a name), if any."""
        tokens = self.parsed.tokens
        sentence = tokens[edge].sentence
        if tokens[edge].pos != "PROPN":
            return None
        other = edge + step
        if 0 <= other < len(tokens) and tokens[other].sentence == sentence and tokens[other].pos == "PROPN":
            return other
        return edge
