"""Russian positions: stances read on lemmas with the default pack's ``ru:`` section."""

from __future__ import annotations

import pytest

from redline.attribute.ru import RussianAttributor
from redline.models import Document
from redline.position import load_pack
from redline.position.ru.positioner import RussianPositioner

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def positioner() -> RussianPositioner:
    return RussianPositioner(load_pack("ukraine-security"))


def _positions(positioner: RussianPositioner, text: str) -> list[tuple[str, str, str, str | None]]:
    document = Document("id", "d.txt", "d.txt", text, text, language="ru")
    _, positions = positioner.positions(document, RussianAttributor().statements(document))
    for p in positions:
        assert text[p.start:p.end] == p.evidence
    return [(p.actor, p.issue, p.stance, p.condition) for p in positions]


def test_positioner_negated_support_is_oppose(positioner: RussianPositioner) -> None:
    text = "Пресс-секретарь Кремля Дмитрий Песков заявил, что Россия не согласится на размещение иностранных войск на Украине."
    assert _positions(positioner, text) == [("Russia", "foreign-troops-in-ukraine", "oppose", None)]


def test_positioner_condition_after_the_term_is_conditional(positioner: RussianPositioner) -> None:
    text = "Глава МИД России Сергей Лавров заявил, что гарантии безопасности Украине возможны только после подписания мирного договора."
    assert _positions(positioner, text) == [
        ("Russia", "guarantees-for-ukraine", "conditional", "только после подписания мирного договора")]


def test_positioner_ne_vozrazhaet_is_neutral(positioner: RussianPositioner) -> None:
    text = "Владимир Путин заявил, что Россия не возражает против вступления Украины в Евросоюз."
    assert _positions(positioner, text) == [("Russia", "ukraine-eu-membership", "neutral", None)]


def test_positioner_inverse_term_turns_the_stance(positioner: RussianPositioner) -> None:
    text = "Сергей Рябков подчеркнул, что Москва будет настаивать на внеблоковом статусе Украины."
    assert _positions(positioner, text) == [("Russia", "ukraine-nato-membership", "oppose", None)]


def test_positioner_term_inside_a_condition_is_what_the_holder_asks(positioner: RussianPositioner) -> None:
    text = "Министр Сергей Лавров заявил, что переговоры возможны только на основе гарантий безопасности России."
    assert _positions(positioner, text) == [("Russia", "guarantees-for-russia", "support", None)]


def test_positioner_expert_holds_no_position(positioner: RussianPositioner) -> None:
    assert _positions(positioner, "Аналитик Петр Смирнов считает, что Киев поддержит прекращение огня.") == []


def test_positioner_actor_of_matches_persons_in_any_case_and_names_in_roles(positioner: RussianPositioner) -> None:
    assert positioner.actor_of("Пескову", None) == "Russia"
    assert positioner.actor_of("пресс-секретарь Кремля", None) == "Russia"
    assert positioner.actor_of("Олег Иванов", "глава МИД Украины") == "Ukraine"
    assert positioner.actor_of("эксперт Иван Петров", "эксперт") is None
    assert positioner.actor_of("телеканал NBC", None) is None


def test_positioner_evaluative_word_opposes_what_it_qualifies(positioner: RussianPositioner) -> None:
    text = "Дмитрий Песков назвал заявления о европейских миротворцах «опасными»."
    assert _positions(positioner, text) == [("Russia", "foreign-troops-in-ukraine", "oppose", None)]
