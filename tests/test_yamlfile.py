"""Bounded YAML: billion laughs and oversize files refused, with the file and line named."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from redline import yamlfile
from redline.check import load_proposal
from redline.errors import PackError, ProposalError
from redline.position import load_pack

# Nine levels of ten aliases each: a billion strings once expanded, 700 bytes on disk.
LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{chr(ord('a') + level)}: &{chr(ord('a') + level)} [{', '.join(['*' + chr(ord('a') + level - 1)] * 10)}]\n"
    for level in range(1, 9)
)

PACK = """\
name: laughs
actors:
  - id: Alpha
    name: Alpha
    aliases: &names [{names}]
  - id: Beta
    name: Beta
    aliases: *names
issues:
  - id: river-access
    label: River access
    description: Access to the river.
    terms: [river access]
"""


def test_yamlfile_billion_laughs_is_refused_at_the_alias_past_the_bound() -> None:
    with pytest.raises(yamlfile.YamlLimitError) as caught:
        yamlfile.parse(LAUGHS)
    assert caught.value.problem == "aliases expand to more than 10000 nodes"
    assert caught.value.problem_mark is not None and caught.value.problem_mark.line + 1 == 4  # at "d", the first level past 10,000


def test_yamlfile_aliases_within_the_bound_are_shared_as_usual() -> None:
    parsed = yamlfile.parse("base: &base [one, two]\nother: *base\n", max_alias_nodes=3)
    assert parsed.data == {"base": ["one", "two"], "other": ["one", "two"]}
    with pytest.raises(yamlfile.YamlLimitError):
        yamlfile.parse("base: &base [one, two]\nother: *base\nthird: *base\n", max_alias_nodes=3)


def test_yamlfile_recursive_alias_is_refused() -> None:
    with pytest.raises(yamlfile.YamlLimitError) as caught:
        yamlfile.parse("loop: &loop [*loop]\n")
    assert caught.value.problem == "alias refers to a node that contains it"


def test_yamlfile_strings_keeps_every_scalar_a_string() -> None:
    assert yamlfile.parse("words: [no, on, 3]\n", strings=True).data == {"words": ["no", "on", "3"]}
    assert yamlfile.parse("words: [no, on, 3]\n").data == {"words": [False, True, 3]}


def test_yamlfile_oversize_file_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("words: [" + "word, " * 400 + "end]\n", encoding="utf-8")
    with pytest.raises(yaml.YAMLError) as caught:
        yamlfile.read(path, max_bytes=1000)
    assert str(caught.value) == "file too large (2.4 kB > 1.0 kB limit)"


def test_yamlfile_billion_laughs_pack_is_one_error_naming_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "laughs.yaml"
    path.write_text(LAUGHS + PACK.format(names="*i"), encoding="utf-8")
    with pytest.raises(PackError) as caught:
        load_pack(path)
    assert str(caught.value) == f"{path}:4: yaml: aliases expand to more than 10000 nodes"


def test_yamlfile_pack_over_its_size_cap_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "pack.yaml"
    path.write_text(PACK.format(names="Alpha, " * 200 + "Alpha"), encoding="utf-8")
    assert load_pack(path).actors[1].aliases == ["Alpha"] * 201
    with pytest.raises(PackError) as caught:
        load_pack(path, max_bytes=1000)
    assert str(caught.value) == f"{path}:1: yaml: file too large (1.6 kB > 1.0 kB limit)"


def test_yamlfile_billion_laughs_proposal_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "proposal.yaml"
    path.write_text(LAUGHS + "title: Laughs\nprovisions: *i\n", encoding="utf-8")
    with pytest.raises(ProposalError) as caught:
        load_proposal(path, {"river-access"})
    assert str(caught.value) == f"{path}: line 4: not valid YAML (aliases expand to more than 10000 nodes)"
