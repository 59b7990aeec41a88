"""Russian positions: stances read on lemmas with the default pack's ``ru:`` section."""

from __future__ import annotations

from pathlib import Path

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


def test_positioner_own_security_is_the_holders_issue(positioner: RussianPositioner) -> None:
    assert _positions(positioner, "Сергей Лавров заявил, что Москве нужны гарантии собственной безопасности.") == [
        ("Russia", "guarantees-for-russia", "support", None)]
    assert _positions(positioner, "Андрей Сибига заявил, что Киеву нужны гарантии нашей безопасности.") == [
        ("Ukraine", "guarantees-for-ukraine", "support", None)]


def test_positioner_own_security_of_a_holder_no_issue_benefits_is_no_position(positioner: RussianPositioner) -> None:
    assert _positions(positioner, "Кая Каллас заявила, что Евросоюзу нужны гарантии собственной безопасности.") == []


def test_positioner_guarantees_needed_for_a_beneficiary_are_supported(positioner: RussianPositioner) -> None:
    text = "Владимир Зеленский заявил, что необходимы гарантии для Украины, чтобы война не повторилась."
    assert _positions(positioner, text) == [("Ukraine", "guarantees-for-ukraine", "support", None)]


def test_positioner_bare_net_opposes_only_as_an_answer(positioner: RussianPositioner) -> None:
    assert _positions(positioner, "Сергей Рябков сказал: «Нет, прекращение огня сейчас не обсуждается»." ) == [
        ("Russia", "ceasefire", "oppose", None)]
    assert _positions(positioner, "Сергей Рябков сказал, что нет смысла спорить о прекращении огня.") == []


def test_positioner_ne_mozhet_byt_i_rechi_opposes(positioner: RussianPositioner) -> None:
    assert _positions(positioner, "Сергей Рябков заявил, что о выводе войск не может быть и речи.") == [
        ("Russia", "territorial-concessions", "oppose", None)]
    assert _positions(positioner, "Сергей Рябков заявил, что никакой речи о перемирии быть не может.") == [
        ("Russia", "ceasefire", "oppose", None)]


def test_positioner_no_room_for_compromise_opposes(positioner: RussianPositioner) -> None:
    text = "Сергей Рябков заявил, что Москва не видит возможности для компромисса по расширению НАТО."
    assert _positions(positioner, text) == [("Russia", "nato-expansion", "oppose", None)]


def test_positioner_ne_ustroit_opposes(positioner: RussianPositioner) -> None:
    text = "Дмитрий Песков заявил, что размещение иностранных войск Россию не устроит."
    assert _positions(positioner, text) == [("Russia", "foreign-troops-in-ukraine", "oppose", None)]


def test_positioner_modal_negation_opposes(positioner: RussianPositioner) -> None:
    text = "Дмитрий Песков заявил, что европейские войска не могут обеспечивать безопасность Украины."
    assert _positions(positioner, text) == [("Russia", "foreign-troops-in-ukraine", "oppose", None)]


def test_positioner_vyrazila_gotovnost_supports(positioner: RussianPositioner) -> None:
    text = "Мария Захарова заявила, что Россия выразила готовность к прекращению огня."
    assert _positions(positioner, text) == [("Russia", "ceasefire", "support", None)]


def test_positioner_right_is_neutral_only_as_right_to(positioner: RussianPositioner) -> None:
    assert _positions(positioner, "Владимир Путин заявил, что Украина имеет право на вступление в Евросоюз.") == [
        ("Russia", "ukraine-eu-membership", "neutral", None)]


def test_positioner_control_and_region_words_alone_are_not_concessions(positioner: RussianPositioner) -> None:
    text = "Юрий Ушаков заявил, что гарнизон перейдет под контроль России и покинет регион позже."
    assert _positions(positioner, text) == []


def test_positioner_what_is_no_alternative_to_is_supported(positioner: RussianPositioner) -> None:
    text = "Сергей Лавров заявил, что Москва не рассматривает перемирие как альтернативу гарантиям безопасности России."
    assert _positions(positioner, text) == [("Russia", "guarantees-for-russia", "support", None)]


def test_positioner_generic_words_alone_are_not_issue_terms(positioner: RussianPositioner) -> None:
    text = "Дмитрий Песков заявил, что Россия против расширения санкций и против нейтрального посредника в Крыму."
    assert _positions(positioner, text) == []


def test_positioner_ceding_a_region_is_a_territorial_concession(positioner: RussianPositioner) -> None:
    text = "Андрей Сибига заявил, что Украина не согласится уступить Донбасс."
    assert _positions(positioner, text) == [("Ukraine", "territorial-concessions", "oppose", None)]


def test_positioner_stopping_opposes_and_unwillingness_to_stop_supports(positioner: RussianPositioner) -> None:
    assert _positions(positioner, "Андрей Сибига заявил, что Украина призывает прекратить расширение НАТО.") == [
        ("Ukraine", "nato-expansion", "oppose", None)]
    assert _positions(positioner, "США не хотят прекратить расширение НАТО.") == [
        ("United States", "nato-expansion", "support", None)]


def test_positioner_condition_of_time_or_standard_is_conditional(positioner: RussianPositioner) -> None:
    text = "Министр Сергей Лавров заявил, что перемирие возможно только во время переговоров о мире."
    assert _positions(positioner, text) == [("Russia", "ceasefire", "conditional", "только во время переговоров о мире")]


def test_positioner_against_the_interests_is_oppose(positioner: RussianPositioner) -> None:
    text = "Дмитрий Песков указал, что расширение НАТО противоречит интересам страны."
    assert _positions(positioner, text) == [("Russia", "nato-expansion", "oppose", None)]


def test_positioner_negated_acceptance_is_oppose(positioner: RussianPositioner) -> None:
    text = "Владимир Зеленский заявил, что Киев не примет перемирие на таких условиях."
    assert _positions(positioner, text) == [("Ukraine", "ceasefire", "oppose", None)]


def test_positioner_another_partys_wish_is_not_the_speakers_stance(positioner: RussianPositioner) -> None:
    text = "Сергей Лавров заявил, что Польша хочет ввести войска на Украину."
    assert _positions(positioner, text) == []


def test_positioner_genitive_owner_of_a_cue_noun_is_another_party(positioner: RussianPositioner) -> None:
    text = "Песков прокомментировал слова о готовности Франции направить миротворцев на Украину."
    assert ("Russia", "foreign-troops-in-ukraine", "support", None) not in _positions(positioner, text)


def test_positioner_person_as_subject_holds_in_reporting(positioner: RussianPositioner) -> None:
    text = "Накануне Дональд Трамп призвал к перемирию."
    assert _positions(positioner, text) == [("United States", "ceasefire", "support", None)]


def test_positioner_owner_of_a_goal_and_coordinated_memberships(positioner: RussianPositioner) -> None:
    text = "Главным приоритетом Украины остается вступление в ЕС и НАТО."
    assert sorted(_positions(positioner, text)) == [
        ("Ukraine", "ukraine-eu-membership", "support", None), ("Ukraine", "ukraine-nato-membership", "support", None)]


def test_positioner_beneficiary_named_with_dlya_picks_whose_guarantees(positioner: RussianPositioner) -> None:
    text = "Владимир Путин заявил, что гарантии безопасности нужны как для России, так и для Украины."
    assert sorted(_positions(positioner, text)) == [
        ("Russia", "guarantees-for-russia", "support", None), ("Russia", "guarantees-for-ukraine", "support", None)]


def test_positioner_dative_pronoun_beneficiary_is_the_party_named_before(positioner: RussianPositioner) -> None:
    text = "Сергей Лавров заявил, что Москва требует предоставить ей гарантии безопасности."
    assert _positions(positioner, text) == [("Russia", "guarantees-for-russia", "support", None)]


def test_positioner_threatened_party_is_not_the_beneficiary(positioner: RussianPositioner) -> None:
    text = "Сергей Лавров сообщил, что Россия не примет гарантии безопасности для Киева, которые будут угрожать Москве."
    assert _positions(positioner, text) == [("Russia", "guarantees-for-ukraine", "oppose", None)]


def test_positioner_hedged_denial_turns_the_cue(positioner: RussianPositioner) -> None:
    text = "Сергей Лавров заявил, что перемирие вряд ли обеспечит мир."
    assert _positions(positioner, text) == [("Russia", "ceasefire", "oppose", None)]


def test_positioner_prevention_of_joining_by_another_membership_word(positioner: RussianPositioner) -> None:
    text = "Дмитрий Песков заявил, что недопущение присоединения Украины к НАТО остается главной задачей."
    assert _positions(positioner, text) == [("Russia", "ukraine-nato-membership", "oppose", None)]


def test_positioner_what_is_said_of_talk_about_an_issue_is_not_said_of_it(positioner: RussianPositioner) -> None:
    text = "Сергей Лавров заявил, что разговоры о вступлении Украины в НАТО нужны Западу для давления."
    assert _positions(positioner, text) == []


def test_positioner_cue_inside_another_partys_statement_is_theirs(positioner: RussianPositioner) -> None:
    text = "Андрей Сибига прокомментировал заявление Вашингтона о невозможности членства Украины в НАТО."
    assert _positions(positioner, text) == [("United States", "ukraine-nato-membership", "oppose", None)]


def test_positioner_ruin_and_a_basis_as_condition(positioner: RussianPositioner) -> None:
    assert _positions(positioner, "Сергей Лавров заявил, что прием Украины в альянс приведет к катастрофе.") == [
        ("Russia", "ukraine-nato-membership", "oppose", None)]
    assert _positions(positioner, "Сергей Лавров заявил, что гарантии безопасности Украине возможны на основе договора.") == [
        ("Russia", "guarantees-for-ukraine", "conditional", "на основе договора")]


def test_positioner_noun_phrase_carries_the_issue_named_before(positioner: RussianPositioner) -> None:
    text = "Соседи предложили ввести войска на Украину. Дмитрий Песков заявил, что Москва не согласна с такой идеей."
    assert _positions(positioner, text) == [("Russia", "foreign-troops-in-ukraine", "oppose", None)]


def test_positioner_carrying_phrase_with_no_issue_before_gives_nothing(positioner: RussianPositioner) -> None:
    assert _positions(positioner, "Дмитрий Песков заявил, что Москва не согласна с такой идеей.") == []


def test_positioner_a_place_on_a_subjectless_plural_verb_holds(positioner: RussianPositioner) -> None:
    text = "В Кремле допускают перемирие на время праздников."
    assert _positions(positioner, text) == [("Russia", "ceasefire", "support", None)]


def test_positioner_a_place_beside_a_named_subject_does_not_hold(positioner: RussianPositioner) -> None:
    text = "В Брюсселе эксперты допускают перемирие на время праздников."
    assert _positions(positioner, text) == []


def test_positioner_v_sluchae_sets_a_condition(positioner: RussianPositioner) -> None:
    text = "Премьер Андрей Сибига заявил о готовности отказаться от членства в НАТО в случае получения гарантий безопасности."
    assert _positions(positioner, text) == [
        ("Ukraine", "ukraine-nato-membership", "conditional", "в случае получения гарантий безопасности"),
        ("Ukraine", "guarantees-for-ukraine", "support", None)]


def test_positioner_non_accession_called_key_opposes_membership(positioner: RussianPositioner) -> None:
    text = "Министр Сергей Лавров назвал неприсоединение Киева к НАТО ключевым вопросом."
    assert _positions(positioner, text) == [("Russia", "ukraine-nato-membership", "oppose", None)]


def test_positioner_a_key_cause_is_blame_not_support(positioner: RussianPositioner) -> None:
    text = "Министр Сергей Лавров назвал расширение НАТО главной причиной кризиса."
    assert _positions(positioner, text) == [("Russia", "nato-expansion", "oppose", None)]


def test_positioner_protection_of_ukraine_is_a_guarantee_term(positioner: RussianPositioner) -> None:
    text = "Госсекретарь Марко Рубио заявил, что Вашингтон предложил договоренность о защите Украины."
    assert _positions(positioner, text) == [("United States", "guarantees-for-ukraine", "support", None)]


def test_positioner_an_owning_adjective_holds_a_plan(positioner: RussianPositioner) -> None:
    text = "Американский план предусматривает перемирие на три месяца."
    assert _positions(positioner, text) == [("United States", "ceasefire", "support", None)]


def test_positioner_party_with_a_verb_of_will_inside_a_statement_holds_it(positioner: RussianPositioner) -> None:
    text = "Сергей Лавров заявил, что Киев хочет вступить в НАТО."
    assert _positions(positioner, text) == [("Ukraine", "ukraine-nato-membership", "support", None)]


def test_positioner_not_ready_to_see_a_member_opposes_membership(positioner: RussianPositioner) -> None:
    text = "Андрей Сибига сказал, что Вашингтон пока не готов видеть Украину членом НАТО."
    assert _positions(positioner, text) == [("United States", "ukraine-nato-membership", "oppose", None)]


def test_positioner_obligation_laid_on_another_party_is_the_speakers_demand(positioner: RussianPositioner) -> None:
    text = "Сергей Лавров заявил, что Киев должен отказаться от членства в НАТО."
    assert _positions(positioner, text) == [("Russia", "ukraine-nato-membership", "oppose", None)]


def test_positioner_condition_noun_makes_the_issue_it_governs_conditional(positioner: RussianPositioner) -> None:
    text = "Владимир Зеленский заявил, что необходимым условием перемирия являются гарантии безопасности."
    assert _positions(positioner, text) == [
        ("Ukraine", "ceasefire", "conditional", "являются гарантии безопасности"),
        ("Ukraine", "guarantees-for-ukraine", "support", None)]


def test_positioner_price_of_a_term_is_supported_though_it_qualifies_it(positioner: RussianPositioner) -> None:
    text = "Владимир Зеленский заявил, что Украина готова к прекращению огня в обмен на гарантии безопасности."
    assert _positions(positioner, text) == [
        ("Ukraine", "ceasefire", "conditional", "в обмен на гарантии безопасности"),
        ("Ukraine", "guarantees-for-ukraine", "support", None)]


def test_positioner_term_inside_a_condition_takes_the_conditions_polarity(positioner: RussianPositioner) -> None:
    text = "Россия согласится на прекращение огня, только если Украина откажется от вступления в НАТО."
    assert _positions(positioner, text) == [
        ("Russia", "ceasefire", "conditional", "только если Украина откажется от вступления в НАТО"),
        ("Russia", "ukraine-nato-membership", "oppose", None)]


def test_positioner_occasion_in_a_condition_takes_no_stance(positioner: RussianPositioner) -> None:
    text = "Андрей Сибига сказал, что войска партнеров появятся на Украине только после прекращения огня."
    assert _positions(positioner, text) == [
        ("Ukraine", "foreign-troops-in-ukraine", "conditional", "только после прекращения огня")]


def test_positioner_negated_imperfective_giving_up_supports(positioner: RussianPositioner) -> None:
    text = "Андрей Сибига сказал, что Украина не отказывается от вступления в НАТО."
    assert _positions(positioner, text) == [("Ukraine", "ukraine-nato-membership", "support", None)]


def test_positioner_negated_verb_of_the_term_opposes_and_the_joiner_holds_nothing(positioner: RussianPositioner) -> None:
    text = "Дмитрий Песков заявил, что Украина никогда не станет членом НАТО."
    assert _positions(positioner, text) == [("Russia", "ukraine-nato-membership", "oppose", None)]


def test_positioner_subject_of_a_verbal_term_holds_it_not_the_speaker(positioner: RussianPositioner) -> None:
    text = "Андрей Сибига сказал, что Европа отправит войска на Украину только при условии участия США."
    assert _positions(positioner, text) == [
        ("Europe", "foreign-troops-in-ukraine", "conditional", "только при условии участия США")]


def test_positioner_aside_of_will_holds_the_clause_it_stands_in(positioner: RussianPositioner) -> None:
    text = "Сергей Лавров сказал, что Москва была готова к тому, чтобы, как хотел Киев, гарантии безопасности были надежными."
    assert _positions(positioner, text) == [("Ukraine", "guarantees-for-ukraine", "support", None)]


def test_positioner_coordinated_parties_before_a_verb_of_will_each_hold_it(positioner: RussianPositioner) -> None:
    text = ("Сергей Лавров сказал, что сообщения о том, что и Франция, и Германия хотят предоставить гарантии "
            "безопасности, его не удивляют.")
    assert _positions(positioner, text) == [
        ("France", "guarantees-for-ukraine", "support", None), ("Germany", "guarantees-for-ukraine", "support", None)]


def test_positioner_party_named_by_an_adjective_and_noun_holds_its_readiness(positioner: RussianPositioner) -> None:
    text = "Андрей Сибига сказал, что европейские страны готовы направить миротворцев."
    assert _positions(positioner, text) == [("Europe", "foreign-troops-in-ukraine", "support", None)]


def test_positioner_title_with_a_preposition_gives_the_speakers_party(positioner: RussianPositioner) -> None:
    text = "Посол Украины в НАТО Ольга Петренко заявила, что необходимо перемирие."
    assert _positions(positioner, text) == [("Ukraine", "ceasefire", "support", None)]


def test_positioner_title_after_the_name_and_coordinated_terms(positioner: RussianPositioner) -> None:
    text = ("Ольга Петренко, посол Украины в НАТО, заявила, что стране необходимо военное присутствие союзников "
            "и членство в Евросоюзе.")
    assert _positions(positioner, text) == [
        ("Ukraine", "foreign-troops-in-ukraine", "support", None), ("Ukraine", "ukraine-eu-membership", "support", None)]


def test_positioner_agent_of_a_passive_cue_holds_it(positioner: RussianPositioner) -> None:
    text = "Сергей Лавров отметил, что проект гарантий безопасности был предложен самой украинской стороной."
    assert _positions(positioner, text) == [("Ukraine", "guarantees-for-ukraine", "support", None)]


def test_positioner_standard_the_issue_must_meet_in_a_demand_is_a_condition(positioner: RussianPositioner) -> None:
    text = "Сергей Лавров заявил, что Россия настаивает на том, чтобы гарантии безопасности для Украины соответствовали Уставу ООН."
    assert _positions(positioner, text) == [
        ("Russia", "guarantees-for-ukraine", "conditional", "соответствовали Уставу ООН")]


def test_positioner_cue_in_the_predicate_reaches_a_long_subject(positioner: RussianPositioner) -> None:
    text = ("Сергей Лавров заявил, что перемирие, о котором так долго говорят в европейских столицах, "
            "для Москвы совершенно неприемлемо.")
    assert _positions(positioner, text) == [("Russia", "ceasefire", "oppose", None)]


def test_positioner_a_harm_it_brings_opposes(positioner: RussianPositioner) -> None:
    text = "Дмитрий Песков заявил, что такое перемирие лишь приведет к затягиванию войны."
    assert _positions(positioner, text) == [("Russia", "ceasefire", "oppose", None)]


def test_positioner_denied_standard_opposes_without_condition(positioner: RussianPositioner) -> None:
    text = "Дмитрий Песков заявил, что стамбульские договоренности давно не соответствуют нынешним реалиям."
    assert _positions(positioner, text) == [("Russia", "istanbul-2022-basis", "oppose", None)]


def test_positioner_keeping_a_course_supports_it(positioner: RussianPositioner) -> None:
    text = "Дмитрий Кулеба заявил, что Украина не будет менять курс на членство в НАТО."
    assert _positions(positioner, text) == [("Ukraine", "ukraine-nato-membership", "support", None)]


def test_positioner_predicative_guarantee_claim_backs_its_subject(positioner: RussianPositioner) -> None:
    text = "Сергей Рябков заявил, что реальной гарантией мира в регионе является внеблоковый статус Украины."
    assert _positions(positioner, text) == [("Russia", "ukraine-nato-membership", "oppose", None)]


def test_positioner_a_topic_named_important_is_neutral(positioner: RussianPositioner) -> None:
    text = "Дмитрий Песков заявил, что перемирие остается одной из важнейших тем на любых контактах."
    assert _positions(positioner, text) == [("Russia", "ceasefire", "neutral", None)]


def test_positioner_a_path_named_before_carries_its_issue(positioner: RussianPositioner) -> None:
    text = "Украина подала заявку на вступление в Евросоюз. Европарламент будет поддерживать соседей и дальше на этом пути."
    assert _positions(positioner, text) == [("European Union", "ukraine-eu-membership", "support", None)]


def test_positioner_seat_of_an_impersonal_plural_holds_its_view(positioner: RussianPositioner) -> None:
    # Invented: the capital in the locative stands for the subject the verb leaves out.
    text = "Министр Сергей Лавров сказал, что в Брюсселе готовы отправить миротворцев на Украину."
    assert _positions(positioner, text) == [("European Union", "foreign-troops-in-ukraine", "support", None)]


def test_positioner_participle_agent_holds_the_phrase_and_the_holder_keeps_its_verdict(positioner: RussianPositioner) -> None:
    # Invented: the agents of "предложенный" propose the truce; the speaker's verdict stays the speaker's.
    text = "Сергей Лавров сказал, что предложенный Киевом и американцами план перемирия неприемлем."
    assert _positions(positioner, text) == [
        ("Russia", "ceasefire", "oppose", None), ("Ukraine", "ceasefire", "support", None),
        ("United States", "ceasefire", "support", None)]


def test_positioner_coordinated_subject_shares_the_holders_view(positioner: RussianPositioner) -> None:
    # Invented: a party coordinated with the holder as subject holds the same view.
    text = "Сергей Лавров сказал, что Россия и Китай выступают против расширения НАТО."
    assert _positions(positioner, text) == [("Russia", "nato-expansion", "oppose", None), ("China", "nato-expansion", "oppose", None)]


def test_positioner_stopping_noun_opposes_what_it_stops(positioner: RussianPositioner) -> None:
    # Invented: wanting the deliveries stopped is against the deliveries.
    assert _positions(positioner, "Сергей Лавров сказал, что Москва добивается прекращения поставок оружия.") == [
        ("Russia", "weapons-for-ukraine", "oppose", None)]


def test_positioner_cue_word_inside_another_term_cues_nothing(positioner: RussianPositioner) -> None:
    # Invented: "прекращению" belongs to the truce's own name, not to the deliveries after it.
    text = "Сергей Лавров сказал, что Москва согласна на прекращение огня и поставки оружия."
    assert ("Russia", "weapons-for-ukraine", "oppose", None) not in _positions(positioner, text)


def test_positioner_ne_x_a_y_denies_x(positioner: RussianPositioner) -> None:
    # Invented: "не X, а Y" after a verb of will is against X.
    assert _positions(positioner, "Сергей Лавров сказал, что Москва хочет не перемирия, а прочного мира.") == [
        ("Russia", "ceasefire", "oppose", None)]


@pytest.mark.parametrize(("text", "expected"), [
    # Invented: an agreement reached on a thing backs it.
    ("Франция достигла согласия с Германией по перемирию.", ("France", "ceasefire", "support", None)),
    # Refusing to withdraw from a region opposes ceding it (either aspect of the verb).
    ("Киев вновь отказался уходить из Донбасса.", ("Ukraine", "territorial-concessions", "oppose", None)),
    # A settlement still to come is the condition of what waits on it.
    ("Франция готова направить войска после подписания мирного договора.",
     ("France", "foreign-troops-in-ukraine", "conditional", "после подписания мирного договора")),
])
def test_positioner_agreement_reached_and_refused_withdrawal(positioner: RussianPositioner, text: str,
                                                             expected: tuple[str, str, str, str | None]) -> None:
    assert _positions(positioner, text) == [expected]


def test_positioner_term_deep_in_the_subject_is_read_by_its_predicate(positioner: RussianPositioner) -> None:
    # Invented: the term sits nouns down the subject ("идея размещения контингентов стран Азии").
    text = "Идея размещения контингентов стран Азии на Украине неприемлема, заявил замглавы МИД России Иван Петров."
    assert [p[:3] for p in _positions(positioner, text)] == [("Russia", "foreign-troops-in-ukraine", "oppose")]


def test_positioner_cessation_of_hostilities_is_a_ceasefire(positioner: RussianPositioner) -> None:
    # Invented: "прекратить боевые действия" is the ceasefire issue, as "прекращение огня" is.
    text = "Глава МИД России Сергей Лавров призвал прекратить боевые действия на линии фронта."
    assert [p[:3] for p in _positions(positioner, text)] == [("Russia", "ceasefire", "support")]


def test_positioner_refusing_a_thing_on_a_price_still_refuses_it(positioner: RussianPositioner) -> None:
    # Invented: the price named for a refused thing is no demand of the one refusing.
    text = "Глава МИД Украины заявил, что Украина не отдаст Донбасс в обмен на прекращение огня."
    assert _positions(positioner, text) == [("Ukraine", "territorial-concessions", "oppose", None)]


def test_positioner_offering_to_give_a_thing_up_on_a_price_is_conditional(positioner: RussianPositioner) -> None:
    # Invented: an offer to renounce membership for guarantees accepts renouncing it on terms.
    text = "Глава МИД Украины заявил, что Украина готова отказаться от вступления в НАТО в обмен на гарантии безопасности."
    assert ("Ukraine", "ukraine-nato-membership", "conditional", "в обмен на гарантии безопасности") in _positions(positioner, text)


def test_positioner_unless_asks_for_what_follows(positioner: RussianPositioner) -> None:
    # Invented: "если не получит гарантий" (unless it gets guarantees) wants the guarantees.
    text = "Киев не согласится на перемирие, если не получит гарантий безопасности."
    assert ("Ukraine", "guarantees-for-ukraine", "support", None) in _positions(positioner, text)


def test_positioner_a_relative_clause_object_is_what_the_party_demands(positioner: RussianPositioner) -> None:
    # Invented: "гарантий, которых требует Украина" is Ukraine's demand for the guarantees.
    text = "Делегации обсудили вопрос международных гарантий безопасности, которых требует Украина."
    assert _positions(positioner, text) == [("Ukraine", "guarantees-for-ukraine", "support", None)]


def test_positioner_a_document_with_no_author_is_the_one_last_given_authors(positioner: RussianPositioner) -> None:
    # Invented: the plan of a US envoy "on Ukraine" is the US plan; the later plan is the same.
    text = ("План спецпредставителя США по Украине может включать снятие санкций. "
            "Возможный план предусматривает прекращение огня.")
    assert ("United States", "ceasefire", "support", None) in _positions(positioner, text)


def test_positioner_putting_a_thing_off_opposes_it(positioner: RussianPositioner) -> None:
    # Invented: proposing to postpone membership is against it for now.
    text = "Госдепартамент предложил отложить членство Украины в НАТО на неопределенный срок."
    assert _positions(positioner, text) == [("United States", "ukraine-nato-membership", "oppose", None)]


def test_positioner_the_holder_coordinated_with_others_keeps_its_reading(positioner: RussianPositioner) -> None:
    # Invented: the first of three coordinated subjects holds the stance as the others do.
    text = "Великобритания, Германия и Франция хотят выработать коллективные гарантии безопасности для Украины."
    assert {actor for actor, *_ in _positions(positioner, text)} == {"United Kingdom", "Germany", "France"}


def test_positioner_members_acting_together_give_their_group_the_stance(tmp_path: Path) -> None:
    # Invented: a pack whose group lists its members gets the group's reading in Russian too.
    pack = tmp_path / "north.yaml"
    pack.write_text(GROUP_PACK, encoding="utf-8")
    text = "Норвегия и Дания поддерживают перемирие."
    assert ("Nordics", "truce", "support", None) in _positions(RussianPositioner(load_pack(pack)), text)


GROUP_PACK = """\
name: north
actors:
  - {id: Norway, name: Norway, aliases: [Norway]}
  - {id: Denmark, name: Denmark, aliases: [Denmark]}
  - {id: Nordics, name: Nordic states, aliases: [Nordic states], members: [Norway, Denmark]}
issues:
  - {id: truce, label: Truce, description: A truce on the strait., terms: [truce]}
ru:
  actors:
    Norway: {names: [Норвегия]}
    Denmark: {names: [Дания]}
  issues:
    truce: {terms: [перемирие]}
"""


def test_positioner_a_noun_of_will_is_its_owners_aim_and_the_holders_verdict(positioner: RussianPositioner) -> None:
    # Invented: Kyiv's request is Kyiv's support; Moscow's rejection is Moscow's opposition.
    text = "Москва отвергла просьбу Киева о международных гарантиях безопасности."
    assert {(a, s) for a, _, s, _ in _positions(positioner, text)} == {("Russia", "oppose"), ("Ukraine", "support")}
