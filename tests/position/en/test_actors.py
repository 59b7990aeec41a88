"""Speaker to actor: persons, titles, bodies, metonyms, adjectives; experts map to none."""

from __future__ import annotations

from pathlib import Path

import pytest

from redline.position import load_pack
from redline.position.en.actors import ActorIndex
from redline.position.en.positioner import EnglishPositioner


@pytest.fixture(scope="module")
def positioner() -> EnglishPositioner:
    return EnglishPositioner(load_pack("ukraine-security"))


@pytest.mark.parametrize(
    ("speaker", "role", "actor"),
    [
        ("Dmitry Peskov", None, "Russia"),
        ("Peskov", "Kremlin spokesman", "Russia"),
        ("Mr Lavrov", None, "Russia"),
        ("Sybiha", None, "Ukraine"),
        ("Alexander Novak", "Russian Deputy Foreign Minister", "Russia"),
        ("Ukraine's foreign ministry", None, "Ukraine"),
        ("the Ukrainian Foreign Ministry", None, "Ukraine"),
        ("the Kremlin", None, "Russia"),
        ("Moscow", None, "Russia"),
        ("Kiev", None, "Ukraine"),
        ("Kyiv", None, "Ukraine"),
        ("the White House", None, "United States"),
        ("Washington", None, "United States"),
        ("Brussels", None, "European Union"),
        ("Downing Street", None, "United Kingdom"),
        ("the Elysee", None, "France"),
        ("the Russian side", None, "Russia"),
        ("a German government spokeswoman", None, "Germany"),
        ("Special Envoy of the US President Jane Roe", None, "United States"),
    ],
)
def test_actors_speaker_maps_to_actor(positioner: EnglishPositioner, speaker: str, role: str | None, actor: str) -> None:
    assert positioner.actor_of(speaker, role) == actor


@pytest.mark.parametrize(
    ("speaker", "role"),
    [
        ("Olga Ivanova", "an analyst at a Moscow think tank"),
        ("Russian state media", None),
        ("The Financial Times", None),
        ("Reuters", None),
        ("Western officials", None),
        ("a Ukrainian", None),
        ("officials", None),
    ],
)
def test_actors_experts_outlets_and_unknowns_map_to_none(
    positioner: EnglishPositioner, speaker: str, role: str | None
) -> None:
    assert positioner.actor_of(speaker, role) is None


@pytest.mark.parametrize(
    ("speaker", "actor"),
    [
        ("alliance's secretary general", "NATO"),
        ("the bloc's foreign policy chief", "European Union"),
        ("the British defence secretary", "United Kingdom"),
        ("the French presidency", "France"),
        ("a senior Turkish diplomat", "Turkey"),
    ],
)
def test_actors_role_only_speaker_maps_through_description_or_title(
    positioner: EnglishPositioner, speaker: str, actor: str
) -> None:
    assert positioner.actor_of(speaker, None) == actor


def test_actors_hyphenated_compound_names_each_part() -> None:
    index = ActorIndex(load_pack("ukraine-security"))
    text = "They discussed the US-Ukrainian truce draft and a Franco-Ukrainian idea."
    found = [(m.actor, text[m.start:m.end], m.kind) for m in index.mentions(text)]
    # "Franco" is no actor's form, so that compound names nobody.
    assert found == [("United States", "US", "name"), ("Ukraine", "Ukrainian", "adjective")]


def test_actors_name_particles_match_with_a_capital_too(tmp_path: Path) -> None:
    # Invented: a pack lists "Samir al-Kadi"; articles also write "Al-Kadi" and "Samir Al-Kadi".
    pack = tmp_path / "pack.yaml"
    pack.write_text(
        "name: particles\nactors:\n  - id: Velora\n    name: Velora\n"
        "    persons:\n      - {name: Samir al-Kadi, variants: [al-Kadi]}\n"
        "issues:\n  - id: quota\n    label: Quota\n    description: The fishing quota.\n    terms: [fishing quota]\n",
        encoding="utf-8")
    index = ActorIndex(load_pack(pack))
    text = "Al-Kadi spoke after Samir Al-Kadi and al-Kadi."
    assert [text[m.start:m.end] for m in index.mentions(text) if m.actor == "Velora"] == ["Al-Kadi", "Samir Al-Kadi", "al-Kadi"]


def test_actors_a_capital_naming_a_track_is_no_party(tmp_path: Path) -> None:
    # Invented: "the Minsk format" is a negotiating track, not Belarus.
    path = tmp_path / "tracks.yaml"
    path.write_text("""\
name: tracks
actors:
  - {id: Belarus, name: Belarus, aliases: [Belarus], metonyms: [Minsk]}
issues:
  - {id: truce, label: Truce, description: A truce., terms: [truce]}
""", encoding="utf-8")
    index = ActorIndex(load_pack(path))
    assert [m.actor for m in index.mentions("Under the Minsk format, Minsk backs a truce.")] == ["Belarus"]


def test_actors_a_pair_is_two_parties_named_together_not_two_of_a_list(positioner: EnglishPositioner) -> None:
    # Invented: "both countries" are the two named as a pair, not the last two of a list of three.
    index = ActorIndex(load_pack("ukraine-security"))
    text = "Russia and Ukraine met on Monday with Turkey, China and France. Both countries backed a ceasefire."
    both = [m.actor for m in index.mentions(text) if text[m.start:m.end] == "Both countries"]
    assert both == ["Russia", "Ukraine"]
