"""A pack's examples as its tests: misread ones are listed with what was found."""

from __future__ import annotations

from redline.models import Document, Position
from redline.position import load_pack
from redline.position.en.positioner import EnglishPositioner
from redline.position.examples import Misread, misread_examples


def test_examples_shipped_packs_read_every_example_as_annotated() -> None:
    for name in ("ukraine-security", "sarn-river"):
        pack = load_pack(name)
        positioner = EnglishPositioner(pack)
        total, wrong = misread_examples(pack, lambda d: positioner.positions(d, [])[1])
        assert (total > 0, wrong) == (True, []), name


def test_examples_a_wrong_reading_is_listed() -> None:
    pack = load_pack("sarn-river")

    def nothing(document: Document) -> list[Position]:
        return []

    total, wrong = misread_examples(pack, nothing)
    assert total == 9
    assert wrong[0] == Misread("kesh-dam", "Kaldmar says the Kesh Dam is essential for its energy security.",
                               "Ostrel", "support", None)
