"""Packs: the YAML file holding everything domain-specific (actors, issues, stance cues).

A pack is validated on load with pydantic. Every problem, whether a wrong field, an
unknown reference or a regular expression that does not compile, becomes one
:class:`~redline.errors.PackError` of the form ``FILE:LINE: field: reason``. Line numbers
come from the YAML node tree: the loader records where each key and list item starts and
maps pydantic's error location back to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any, TypeVar

import yaml
from pydantic import (AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr, ValidationError,
                      field_validator, model_validator)

from redline import patterns, yamlfile
from redline.errors import PackError
from redline.position.pack_errors import nearest_entries, unknown_key
from redline.models import Stance
from redline.position.ru.section import RussianSection
from redline.position.ru.section import references as russian_references

PACKS_DIR = Path(__file__).resolve().parent.parent / "packs"
STANCE_LEXICON = Path(__file__).resolve().parent / "en" / "stance.yaml"
BENEFICIARY = "{beneficiary}"


def _compiles(pattern: str) -> str:
    """Reject a pattern that does not compile or could backtrack for ever."""
    try:
        patterns.compile(pattern.replace(BENEFICIARY, "X"))
    except patterns.PatternError as exc:
        raise ValueError(f"bad pattern {pattern!r}: {exc}") from None
    return pattern


Pattern = Annotated[str, AfterValidator(_compiles)]
# The keys of a term written as a mapping: ``{term: "the Association", case: true}``.
_TERM_KEYS = frozenset({"term", "case"})


def _term(value: Any) -> Any:
    """A term written as ``{term: PATTERN, case: true}`` as the pattern matched with case.

    Terms are matched ignoring case; ``case: true`` scopes the pattern in ``(?-i:...)``, so
    that "the Association" (a body's name) is not "the association" (any association). A
    mapping without ``term`` is left as it is, to be refused as an unquoted pattern.
    """
    if not isinstance(value, dict) or "term" not in value:
        return value
    unknown = sorted(set(value) - _TERM_KEYS)
    if unknown:
        raise ValueError(f"a term written as a mapping takes `term` and `case`, not {', '.join(unknown)}")
    term, case = value["term"], value.get("case", False)
    if not isinstance(term, str) or not isinstance(case, bool):
        raise ValueError("a term written as a mapping is `{term: PATTERN, case: true}` (a string and true/false)")
    return f"(?-i:{term})" if case else term


# An issue's term or a context word: a pattern, or a mapping asking for case to match.
Term = Annotated[str, BeforeValidator(_term), AfterValidator(_compiles)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Person(_Strict):
    """A person who speaks for an actor, with the short forms articles use."""

    name: str
    variants: list[str] = []
    title: str | None = None


class Actor(_Strict):
    """A party to the negotiation and every way an article names it.

    ``descriptions`` are common nouns that refer back to the actor after "the" ("the
    bloc", "the alliance"); one several actors share goes to the one named last.
    ``members`` make the actor a group: when two or more of them take the same stance
    in one breath ("Britain, France and Germany rejected ..."), the group does too.
    """

    id: str
    name: str
    aliases: list[str] = []
    adjectives: list[str] = []
    metonyms: list[str] = []
    bodies: list[str] = []
    persons: list[Person] = []
    descriptions: list[Pattern] = []
    members: list[str] = []

    def names(self) -> list[str]:
        """Surface forms that name the actor as an agent (not adjectives, not persons)."""
        return [self.id, self.name, *self.aliases, *self.metonyms, *self.bodies]


class Example(_Strict):
    """An example sentence and the stance it expresses for an actor on the issue.

    ``red_line``, when given, says whether the reading must carry red-line language
    (``pack check`` verifies it); left out, either reading passes.
    """

    text: str
    actor: str
    stance: Stance
    red_line: bool | None = None


class Concept(_Strict):
    """An issue as an idea rather than a wording, matched on the parse (position/en/concepts.py).

    ``heads`` are lemmas of the word that carries it ("guarantee", "pledge", "defend");
    ``about`` lemmas, one of which must be its neighbour in the parse ("security"); and
    ``objects`` actor ids, one of which it must take as object ("membership" of "NATO").
    """

    heads: list[str] = Field(min_length=1)
    about: list[str] = []
    objects: list[str] = []
    # The concept names the issue's opposite ("neutral status" for membership).
    inverse: bool = False
    # Heads count only as nouns ("a guarantee of security", not "guaranteeing security").
    nouns_only: bool = False

    @field_validator("heads", "about")
    @classmethod
    def _lower(cls, value: list[str]) -> list[str]:
        return [v.lower() for v in value]


class IssueCues(_Strict):
    """Direction and red-line words that hold for one issue only (may occur inside its terms)."""

    support: list[Pattern] = []
    oppose: list[Pattern] = []
    red_line: list[Pattern] = []


class Issue(_Strict):
    """One issue of the negotiation: what signals it and who it is about.

    ``terms`` are regular expressions for fixed wordings and names ("Article 5");
    ``concepts`` match the idea in other words through the parse. ``inverse_terms`` name
    the opposite outcome ("neutrality" for NATO membership), so supporting them opposes the
    issue. Issues that share terms are told apart by their ``beneficiary``; a mention
    attached to no one goes to the issue marked ``default``.
    """

    id: str
    label: str
    description: str
    terms: list[Term] = []
    concepts: list[Concept] = []
    inverse_terms: list[Term] = []
    beneficiary: str | None = None
    default: bool = False
    cues: IssueCues = IssueCues()
    examples: list[Example] = []

    @model_validator(mode="after")
    def _signalled(self) -> Issue:
        # An issue that is the absence of a thing ("no foreign forces on the border") may be
        # named only by its opposite: inverse terms alone are enough.
        if not self.terms and not self.concepts and not self.inverse_terms:
            raise ValueError("an issue needs terms, inverse_terms or concepts")
        return self


class Roles(_Strict):
    """Words that decide whether a speaker speaks for an actor."""

    bodies: list[Pattern] = []
    non_actor: list[Pattern] = []
    person_pronouns: list[str] = []
    group_pronouns: list[str] = []
    passive_pronoun: list[Pattern] = []


class StanceCues(_Strict):
    """Generic stance language: polar cues, their operators, conditions and flags."""

    support: list[Pattern] = []
    oppose: list[Pattern] = []
    neutral: list[Pattern] = []
    exclusion: list[Pattern] = []
    negation: list[Pattern] = []
    condition: list[Pattern] = []
    restriction: list[Pattern] = []
    # Verbs that ward off a harm: against what follows them, for what precedes (en/stance.py).
    safeguard: list[Pattern] = []
    # A penalty threatened or laid on ("warned of sanctions", "impose tariffs"): against
    # the act it answers, for the penalty itself where that is the issue (en/stance.py).
    penalty: list[Pattern] = []
    # Report nouns ("reports of", "claims that"): a cue against them doubts the report,
    # not the thing reported (en/stance.py).
    hearsay: list[Pattern] = []
    # Time words that make the issue after them a date, not a stance (en/frames.py).
    temporal: list[Pattern] = []
    obligation: list[Pattern] = []
    subordinate: list[Pattern] = []
    postposed_condition: list[Pattern] = []
    # Participles right after a thing wanted that undo it ("wants the mission removed").
    reversal: list[Pattern] = []
    negative_condition: list[Pattern] = []
    discourse_condition: list[Pattern] = []
    package: list[Pattern] = []
    # "X before <issue> can begin": the issue waits on X (en/positioner.py).
    precondition: list[Pattern] = []
    # "X would respond if <issue> ...": a hypothesis whose issue the stance is on (en/positioner.py).
    hypothesis: list[Pattern] = []
    # "A as a substitute for <issue>": the issue is traded for A (en/positioner.py).
    substitute: list[Pattern] = []
    # "A as a precondition for <issue>": the issue is accepted once A is met (en/positioner.py).
    prerequisite: list[Pattern] = []
    # "<issue> in exchange for A": a trade, which is no condition when A is the issue's own
    # other half ("free the captives in exchange for prisoners", en/positioner.py).
    trade: list[Pattern] = []
    contrast: list[Pattern] = []
    red_line: list[Pattern] = []
    threat: list[Pattern] = []
    security_claim: list[Pattern] = []
    anaphora: list[Pattern] = []
    reference: list[Pattern] = []
    naming: list[Pattern] = []
    documents: list[Pattern] = []
    authoring: list[Pattern] = []
    # "A presented a plan": A wrote the document that later sentences name (en/holders.py).
    presenting: list[Pattern] = []
    reporting: list[Pattern] = []
    hedge: list[Pattern] = []
    denial: list[Pattern] = []
    coordination: list[Pattern] = []
    relative: list[Pattern] = []
    aside: list[Pattern] = []
    passive_agent: list[Pattern] = []
    according: list[Pattern] = []
    blockers: list[Pattern] = []
    object_verbs: list[Pattern] = []
    abbreviations: list[str] = []
    # Lemmas of verbs of demand, whose clause asks a thing of its subject (en/syntax.py).
    mandative: list[str] = []


class Lexicon(_Strict):
    """The shared English roles and stance cues that every pack extends."""

    roles: Roles = Roles()
    cues: StanceCues = StanceCues()


class Pack(_Strict):
    """A validated pack: actors, issues, speaker roles and stance cues."""

    name: str
    description: str = ""
    actors: list[Actor] = Field(min_length=1)
    issues: list[Issue] = Field(min_length=1)
    roles: Roles = Roles()
    cues: StanceCues = StanceCues()
    # Russian names and terms, validated by their own models (position/ru/section.py).
    ru: RussianSection | None = None
    # Entries of the shared lexicon this pack takes out (to override one, remove it and
    # add the pack's own version under ``roles`` or ``cues``).
    remove: Lexicon = Lexicon()
    # Words that show an article is about this negotiation; an article naming them fewer
    # than ``context_min`` times (in passing: "as in the harbour dispute") yields no
    # positions (empty: every article is read).
    context: list[Term] = []
    context_min: int = Field(default=1, ge=1, le=100)
    # The pack's own ``cues:`` as written, before the shared lexicon is merged in (for
    # `pack check` to say which of them the shared lexicon already holds).
    _own_cues: StanceCues = PrivateAttr(default_factory=StanceCues)

    @property
    def own_cues(self) -> StanceCues:
        """The pack's own ``cues:`` entries, without the shared ones."""
        return self._own_cues

    def person_names(self) -> list[str]:
        """Every name and short form of the persons the actors list."""
        return [name for actor in self.actors for person in actor.persons for name in (person.name, *person.variants)]

    def groups(self) -> dict[str, frozenset[str]]:
        """Each group actor's id and the ids of its members."""
        return {actor.id: frozenset(actor.members) for actor in self.actors if actor.members}

    def issue_ids(self) -> set[str]:
        """The ids of the pack's issues."""
        return {issue.id for issue in self.issues}

    def actor_ids(self) -> set[str]:
        """The ids of the pack's actors."""
        return {actor.id for actor in self.actors}

    def issue(self, issue_id: str) -> Issue:
        """The issue with this id (KeyError if the pack has none)."""
        for issue in self.issues:
            if issue.id == issue_id:
                return issue
        raise KeyError(issue_id)


Loc = tuple[str | int, ...]
_Model = TypeVar("_Model", bound=BaseModel)


def _node_lines(node: yaml.Node, path: Loc, lines: dict[Loc, int]) -> None:
    """Record the 1-based line of every mapping key and list item under ``node``."""
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            child = (*path, str(key.value))
            lines[child] = key.start_mark.line + 1
            _node_lines(value, child, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _node_lines(item, (*path, index), lines)


def _field(loc: Loc) -> str:
    """Render an error location as ``issues[2].terms[1]``."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text or "pack"


def _line(loc: Loc, lines: dict[Loc, int]) -> int:
    """The line of the deepest recorded node on the error's path."""
    for depth in range(len(loc), -1, -1):
        if loc[:depth] in lines:
            return lines[loc[:depth]]
    return 1


def _read(path: Path, max_bytes: int | None) -> tuple[Any, dict[Loc, int]]:
    """Parse the YAML file into plain data plus the line of every key and item."""
    try:
        parsed = yamlfile.read(path, max_bytes)
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
        raise PackError(f"{path}: cannot read pack ({reason})") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc)
        context = getattr(exc, "context_mark", None)
        # A bound that was hit (size, aliases) is not a misread pattern: no hint.
        hint = "" if isinstance(exc, yamlfile.YamlLimitError) else (
            _quote_hint(path, line) or (_quote_hint(path, context.line + 1) if context else ""))
        raise PackError(f"{path}:{line}: yaml: {problem}{hint}") from exc
    lines: dict[Loc, int] = {}
    if parsed.node is not None:
        _node_lines(parsed.node, (), lines)
    return parsed.data, lines


# Characters YAML gives a meaning of its own inside an unquoted flow item.
_YAML_INDICATORS = frozenset("?{}[]*&!|>#%@`")


def _quote_hint(path: Path, line: int) -> str:
    """A hint for a pattern YAML misread: regular expressions are full of YAML's own
    indicators (``?`` ``:`` ``{}`` ``[]`` ``*`` ``&`` ``!`` ``|`` ``>`` ``#`` ``%`` ``@``), which
    an unquoted list item cannot hold (``[pollsters?]``, ``- {beneficiary}'s boats``)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return ""
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    stripped = text.strip()
    if stripped.startswith("- "):
        value = stripped[2:]
    elif "[" in text:
        value = text[text.index("[") + 1:text.rindex("]")] if "]" in text else text[text.index("[") + 1:]
    else:
        return ""
    indicators = sorted({c for c in value if c in _YAML_INDICATORS} | ({":"} if ": " in value else set()))
    if not indicators:
        return ""
    return (f" (YAML reads {' '.join(indicators)} as its own syntax: a pattern holding one "
            "must be quoted: quote this pattern)")


def _comma_hint(path: Path, line: int, key: str) -> str:
    """A hint for a value with a comma inside a flow mapping (``{..., title: Minister, head
    of X}``), which YAML splits at the comma into a key of its own."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return ""
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    comma = re.search(r"(\w+): ([^,{}\[\]\"']*), " + re.escape(key) + r"\s*[,}]", text)
    if "{" not in text or comma is None:
        return ""
    return (f" (inside {{...}} a comma ends the value: quote it, "
            f"{comma.group(1)}: \"{comma.group(2)}, {key}\")")


def _references(pack: Pack) -> Iterator[tuple[Loc, str]]:
    """Yield (location, reason) for each reference the schema alone cannot check."""
    actor_ids = pack.actor_ids()
    seen: set[str] = set()
    for index, actor in enumerate(pack.actors):
        if actor.id in seen:
            yield ("actors", index, "id"), f"duplicate actor {actor.id!r}"
        seen.add(actor.id)
        for member in actor.members:
            if member not in actor_ids or member == actor.id:
                yield ("actors", index, "members"), f"unknown member actor {member!r}"
    seen = set()
    for index, issue in enumerate(pack.issues):
        where: Loc = ("issues", index)
        if issue.id in seen:
            yield (*where, "id"), f"duplicate issue {issue.id!r}"
        seen.add(issue.id)
        if issue.beneficiary is not None and issue.beneficiary not in actor_ids:
            yield (*where, "beneficiary"), f"unknown actor {issue.beneficiary!r}"
        for term_index, term in enumerate(issue.terms):
            if BENEFICIARY in term and issue.beneficiary is None:
                yield (*where, "terms", term_index), f"{BENEFICIARY} used but no beneficiary set"
        for concept_index, concept in enumerate(issue.concepts):
            for unknown in (a for a in concept.objects if a not in actor_ids):
                yield (*where, "concepts", concept_index, "objects"), f"unknown actor {unknown!r}"
        for example_index, example in enumerate(issue.examples):
            if example.actor not in actor_ids:
                yield (*where, "examples", example_index, "actor"), f"unknown actor {example.actor!r}"
    yield from russian_references(pack.ru, actor_ids, pack.issue_ids())


def _resolve(name_or_path: str | Path) -> Path:
    """A shipped pack's file for a bare name, otherwise the path as given."""
    path = Path(name_or_path)
    if path.suffix in {".yaml", ".yml"} or path.exists():
        return path
    shipped = PACKS_DIR / f"{name_or_path}.yaml"
    if shipped.is_file():
        return shipped
    known = ", ".join(sorted(p.stem for p in PACKS_DIR.glob("*.yaml")))
    raise PackError(f"{name_or_path}: no such pack (shipped: {known})")


def _validate(
    model: type[_Model], path: Path, expected: str, max_bytes: int | None = None
) -> tuple[_Model, dict[Loc, int]]:
    """Read one YAML file into ``model`` (and its lines); a problem names file, line, field."""
    data, lines = _read(path, max_bytes)
    if not isinstance(data, dict):
        raise PackError(f"{path}:1: {model.__name__.lower()}: expected a mapping of {expected}")
    try:
        return model.model_validate(data), lines
    except ValidationError as exc:
        error = exc.errors()[0]
        loc = tuple(error["loc"])
        reason = str(error["msg"]).removeprefix("Value error, ")
        if error["type"] == "string_type" and isinstance(error.get("input"), dict):
            # An unquoted "{beneficiary} ..." or "word: word" is a mapping to YAML.
            reason = f"YAML reads this as a mapping ({error['input']!r}): quote this pattern"
        elif error["type"] == "extra_forbidden":
            reason = unknown_key(model, loc) + _comma_hint(path, _line(loc, lines), str(loc[-1]))
        raise PackError(f"{path}:{_line(loc, lines)}: {_field(loc)}: {reason}") from None


def load_lexicon(path: Path = STANCE_LEXICON) -> Lexicon:
    """Load and validate the shared stance lexicon that every pack extends."""
    return _validate(Lexicon, path, "roles, cues")[0]


def _extend(shared: BaseModel, own: BaseModel, removed: BaseModel) -> dict[str, list[str]]:
    """The shared lists less the pack's removals, with the pack's own entries added after."""
    merged: dict[str, list[str]] = {}
    for key, base in shared:
        gone = set(getattr(removed, key))
        kept = [item for item in base if item not in gone]
        merged[key] = [*kept, *(item for item in getattr(own, key) if item not in kept)]
    return merged


def _unknown_removals(shared: Lexicon, removed: Lexicon) -> Iterator[tuple[Loc, str]]:
    """Yield (location, reason) for each removal that names no entry of the shared lexicon."""
    for section in ("roles", "cues"):
        for key, items in getattr(removed, section):
            base = getattr(getattr(shared, section), key)
            for index, item in enumerate(items):
                if item not in base:
                    yield ("remove", section, key, index), (
                        f"{item!r} is not in the shared lexicon{nearest_entries(item, base)} "
                        f"(`redline pack PACK --cues` lists its {section}.{key} entries as written)")


def load_pack(name_or_path: str | Path, lexicon: Path = STANCE_LEXICON, max_bytes: int | None = None) -> Pack:
    """Load and validate a pack by shipped name ("ukraine-security") or file path.

    The pack's ``roles`` and ``cues`` extend those of the shared stance ``lexicon``; a pack
    file over ``max_bytes`` (the ``yaml_max_bytes`` setting by default) is refused unread.
    """
    path = _resolve(name_or_path)
    pack, lines = _validate(Pack, path, "name, actors, issues, cues", max_bytes)
    for loc, reason in _references(pack):
        raise PackError(f"{path}:{_line(loc, lines)}: {_field(loc)}: {reason}")
    shared = load_lexicon(lexicon)
    for loc, reason in _unknown_removals(shared, pack.remove):
        raise PackError(f"{path}:{_line(loc, lines)}: {_field(loc)}: {reason}")
    roles = shared.roles.model_copy(update=_extend(shared.roles, pack.roles, pack.remove.roles))
    cues = shared.cues.model_copy(update=_extend(shared.cues, pack.cues, pack.remove.cues))
    merged = pack.model_copy(update={"roles": roles, "cues": cues})
    merged._own_cues = pack.cues
    return merged
