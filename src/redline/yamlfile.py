"""Bounded YAML: the one way redline reads a YAML file (packs, lexicons, proposals).

PyYAML shares an aliased node instead of copying it, so a "billion laughs" file of a few
hundred bytes parses quickly, but anything that walks the result (pydantic validation, the
pack's line map) visits every alias expanded and never finishes. The loader here counts
how many nodes the aliases of a document would expand to and refuses the file once that
passes a small bound, and a file over its size cap is refused before it is read.
Problems are raised as :class:`YamlLimitError`, a ``yaml.YAMLError`` with the same
``problem`` and ``problem_mark`` fields PyYAML's own errors carry, so that every caller's
existing "not valid YAML" handling reports them with file and line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from redline.ingest.decode import too_large
from redline.settings import default


class YamlLimitError(yaml.YAMLError):
    """A YAML file over its size cap, or whose aliases expand past the bound."""

    def __init__(self, problem: str, problem_mark: yaml.Mark | None = None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.problem_mark = problem_mark


@dataclass(frozen=True)
class Parsed:
    """A parsed document: plain data, and the node tree that says where each item stands."""

    data: Any
    node: yaml.Node | None


class _Counting(yaml.parser.Parser, yaml.composer.Composer):
    """A composer that counts the nodes aliases bring in; mixed into PyYAML's loaders."""

    _sizes: dict[int, int]
    _left: int
    _bound: int

    def bound(self, max_alias_nodes: int) -> None:
        """Start counting against a bound of ``max_alias_nodes``."""
        self._sizes, self._left, self._bound = {}, max_alias_nodes, max_alias_nodes

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        """Compose one node, charging an alias with the size of the node it repeats."""
        alias = self.check_event(yaml.AliasEvent)
        mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
        node = super().compose_node(parent, index)
        if node is None:
            return node
        if not alias:
            self._sizes[id(node)] = 1 + sum(self._sizes.get(id(child), 1) for child in _children(node))
            return node
        size = self._sizes.get(id(node))
        if size is None:
            raise YamlLimitError("alias refers to a node that contains it", mark)
        self._left -= size
        if self._left < 0:
            raise YamlLimitError(f"aliases expand to more than {self._bound} nodes", mark)
        return node


class _SafeLoader(_Counting, yaml.SafeLoader):
    """Safe loader: YAML's own types (numbers, booleans) and nothing executable."""


class _StringLoader(_Counting, yaml.BaseLoader):
    """Base loader: every scalar a string, for word lists where "no" must stay a word."""


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def parse(text: str, max_alias_nodes: int | None = None, strings: bool = False) -> Parsed:
    """Parse one YAML document safely, refusing alias expansion past the bound."""
    loader = _StringLoader(text) if strings else _SafeLoader(text)
    loader.bound(int(default("yaml_max_alias_nodes")) if max_alias_nodes is None else max_alias_nodes)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return Parsed(data, node)


def read(path: Path, max_bytes: int | None = None, strings: bool = False) -> Parsed:
    """Read and parse a UTF-8 YAML file no larger than ``max_bytes`` (OSError if unreadable)."""
    limit = int(default("yaml_max_bytes")) if max_bytes is None else max_bytes
    size = path.stat().st_size
    if size > limit:
        raise YamlLimitError(too_large(size, limit))
    return parse(path.read_text(encoding="utf-8"), strings=strings)


def load(path: Path, max_bytes: int | None = None, strings: bool = False) -> Any:
    """The plain data of a bounded YAML file, for readers that need no line numbers."""
    return read(path, max_bytes, strings).data
