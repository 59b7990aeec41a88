"""The ``ru:`` section of a pack: validated by its own models, references checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from redline.errors import PackError
from redline.position import load_pack

PACK = """\
name: tiny
actors:
  - id: Alpha
    name: Alpha
issues:
  - id: river-access
    label: River access
    description: Access to the river for boats.
    terms: [river access]
ru:
  actors:
    Alpha:
      names: [Альфа]
      persons:
        - {name: Анна Смирнова, variants: [Смирнова]}
  issues:
    river-access:
      terms: [доступ к реке]
"""


def _load(tmp_path: Path, text: str) -> object:
    path = tmp_path / "pack.yaml"
    path.write_text(text, encoding="utf-8")
    return load_pack(path)


def test_section_loads_russian_names_and_terms(tmp_path: Path) -> None:
    pack = _load(tmp_path, PACK)
    section = getattr(pack, "ru")
    assert section.actors["Alpha"].persons[0].name == "Анна Смирнова"
    assert section.issues["river-access"].terms == ["доступ к реке"]


def test_section_is_optional(tmp_path: Path) -> None:
    assert getattr(_load(tmp_path, PACK.split("ru:")[0]), "ru") is None


def test_section_unknown_actor_names_its_line(tmp_path: Path) -> None:
    with pytest.raises(PackError, match=r"pack\.yaml:12: ru\.actors\.Gamma: unknown actor 'Gamma'"):
        _load(tmp_path, PACK.replace("    Alpha:\n      names", "    Gamma:\n      names"))


def test_section_issue_needs_terms(tmp_path: Path) -> None:
    with pytest.raises(PackError, match=r"pack\.yaml:18: ru\.issues\.river-access\.terms: List should have at least 1 item"):
        _load(tmp_path, PACK.replace("terms: [доступ к реке]", "terms: []"))


def test_section_default_pack_has_russian_names_for_every_actor() -> None:
    pack = load_pack("ukraine-security")
    assert pack.ru is not None
    assert set(pack.ru.actors) == pack.actor_ids() - {"G7", "UN Security Council"}
    assert set(pack.ru.issues) == pack.issue_ids()
