"""Russian attribution: one invented example per construction, with exact speakers and spans."""

from __future__ import annotations

import pytest

from redline.attribute.ru import RussianAttributor
from redline.errors import RedlineError
from redline.models import Document

pytestmark = pytest.mark.slow


def _statements(text: str) -> list[tuple[str, str | None, str, str]]:
    document = Document("id", "d.txt", "d.txt", text, text, language="ru")
    found = RussianAttributor().statements(document)
    for s in found:
        assert text[s.start:s.end] == s.content
    return [(s.speaker, s.cue, s.kind, s.content) for s in found]


def test_attributor_quote_before_dash_and_pronoun_resolves_to_last_person() -> None:
    text = "Министр обороны Олег Петренко встретился с журналистами.\n\n«Мы не отступим от своих требований», — сказал он."
    assert _statements(text) == [("Олег Петренко", "сказал", "direct", "Мы не отступим от своих требований")]


def test_attributor_role_noun_resolves_to_the_person_who_spoke() -> None:
    text = ("Переговоры в Вене продолжатся. Об этом заявил замминистра иностранных дел Павел Игнатов.\n\n"
            "\"Никаких иностранных баз у наших границ не будет\", - подчеркнул дипломат.")
    assert _statements(text) == [
        ("Павел Игнатов", "заявил", "indirect", "Переговоры в Вене продолжатся"),
        ("Павел Игнатов", "подчеркнул", "direct", "Никаких иностранных баз у наших границ не будет"),
    ]


def test_attributor_dialogue_line_gives_both_parts_to_its_speaker() -> None:
    text = "— Переговоры зашли в тупик, — сказала Анна Соколова. — Но мы продолжим работу."
    assert _statements(text) == [
        ("Анна Соколова", "сказала", "direct", "Переговоры зашли в тупик"),
        ("Анна Соколова", "сказала", "direct", "Но мы продолжим работу"),
    ]


def test_attributor_quote_split_by_its_attribution() -> None:
    text = "«Мы готовы к диалогу, — заявил Игорь Лебедев, — но только на равных условиях»."
    assert _statements(text) == [
        ("Игорь Лебедев", "заявил", "direct", "Мы готовы к диалогу"),
        ("Игорь Лебедев", "заявил", "direct", "но только на равных условиях"),
    ]


def test_attributor_clause_after_chto_with_title_as_role() -> None:
    text = "Канцлер Австрии Карл Штайнер заявил, что Европа не пошлет войска без мандата ООН."
    document = Document("id", "d.txt", "d.txt", text, text, language="ru")
    [statement] = RussianAttributor().statements(document)
    assert (statement.speaker, statement.role, statement.content) == (
        "Карл Штайнер", "Канцлер Австрии", "Европа не пошлет войска без мандата ООН")


def test_attributor_genitive_name_after_po_slovam_is_the_nominative_person() -> None:
    text = "Вчера в Женеве выступил Дмитрий Песков. По словам Пескова, переговоры продолжатся в мае."
    assert _statements(text) == [("Дмитрий Песков", "По словам", "indirect", "переговоры продолжатся в мае")]


def test_attributor_kak_zayavila_aside_and_inverted_order() -> None:
    assert _statements("Как заявила Елена Морозова, соглашение будет подписано до конца года.") == [
        ("Елена Морозова", "заявила", "indirect", "соглашение будет подписано до конца года")]
    assert _statements("Переговоры продолжатся в понедельник, сообщил представитель делегации Олег Кравец.") == [
        ("Олег Кравец", "сообщил", "indirect", "Переговоры продолжатся в понедельник")]


def test_attributor_headline_name_and_colon() -> None:
    text = "Орлов: Москва не отступит\n\nТекст статьи о позиции посла Виктора Орлова."
    assert _statements(text) == [("Виктор Орлов", None, "indirect", "Москва не отступит")]


def test_attributor_object_verb_and_plural_verb_of_a_place() -> None:
    assert _statements("Премьер-министр Ян Новак исключил размещение своих войск на Украине.") == [
        ("Ян Новак", "исключил", "indirect", "размещение своих войск на Украине")]
    assert _statements("В МИД Польши настаивают на немедленном созыве конференции.") == [
        ("МИД Польши", "настаивают", "indirect", "на немедленном созыве конференции")]


def test_attributor_feminine_pronoun_and_partial_quote_is_mixed() -> None:
    text = "Ирина Васильева выступила в парламенте. Она подчеркнула, что бюджет будет «сбалансированным»."
    assert _statements(text) == [("Ирина Васильева", "подчеркнула", "mixed", "бюджет будет «сбалансированным»")]


def test_attributor_cue_inside_a_statement_is_not_a_second_statement() -> None:
    assert _statements("Политолог Петр Смирнов считает, что Киев будет настаивать на гарантиях.") == [
        ("Петр Смирнов", "считает", "indirect", "Киев будет настаивать на гарантиях")]
    assert _statements("«Я уже говорил: мы не согласимся», — сказал Николай Белов.") == [
        ("Николай Белов", "сказал", "direct", "Я уже говорил: мы не согласимся")]


def test_attributor_outlet_relaying_a_speaker_is_not_a_speaker() -> None:
    text = "Об этом заявил министр Олег Петренко, передает ТАСС."
    assert _statements("Переговоры сорваны. " + text) == [("Олег Петренко", "заявил", "indirect", "Переговоры сорваны")]


def test_attributor_outlet_by_relay_verb_noun_quotes_or_address_is_not_a_speaker() -> None:
    expected = [("Олег Петренко", "заявил", "indirect", "Переговоры сорваны")]
    for relay in ("пишет Вестник", "сообщает агентство Вестник", "передает «Вестник»", "сообщает Вестник.РУ"):
        assert _statements(f"Переговоры сорваны. Об этом заявил министр Олег Петренко, {relay}.") == expected


def test_attributor_organisation_after_a_plain_speech_verb_is_a_speaker() -> None:
    assert _statements("Переговоры сорваны, сообщает МИД Латвии.") == [
        ("МИД Латвии", "сообщает", "indirect", "Переговоры сорваны")]


def test_attributor_unknown_model_is_one_clear_error() -> None:
    with pytest.raises(RedlineError, match="Russian model 'xx' is not available"):
        RussianAttributor("xx")


def test_attributor_headline_colon_quote_is_direct_without_its_marks() -> None:
    assert _statements("Орлов: «Москва не примет такой план»") == [("Орлов", None, "direct", "Москва не примет такой план")]


def test_attributor_place_speaker_is_not_taken_from_the_content() -> None:
    text = "Ранее в Кремле отметили, что размещение войск НАТО на Украине недопустимо."
    assert _statements(text) == [("Кремль", "отметили", "indirect", "размещение войск НАТО на Украине недопустимо")]


def test_attributor_outlet_with_no_one_behind_the_words_is_the_source() -> None:
    assert _statements("Переговоры сорваны, сообщает телеканал Вестник со ссылкой на источники.") == [
        ("телеканал Вестник", "сообщает", "indirect", "Переговоры сорваны")]


def test_attributor_dateline_is_not_a_statement() -> None:
    assert _statements("ГРАДОВ, 3 мая - Вестник. Министр Олег Петренко заявил, что переговоры сорваны.") == [
        ("Олег Петренко", "заявил", "indirect", "переговоры сорваны")]


def test_attributor_representative_of_the_same_body_is_the_spokesman_named_before() -> None:
    text = ("Пресс-секретарь президента страны Иван Орлов заявил, что визит состоится. "
            "Министр Олег Петренко сказал, что готов к встрече. Представитель Кремля подчеркнул, что дата не выбрана.")
    assert _statements(text)[-1] == ("Иван Орлов", "подчеркнул", "indirect", "дата не выбрана")


def test_attributor_representative_of_another_body_is_not_the_spokesman() -> None:
    text = "Официальный представитель МИД Анна Белова заявила, что визит состоится. Пресс-секретарь Кремля добавил, что дата не выбрана."
    assert _statements(text)[-1][0] == "Пресс-секретарь Кремля"


def test_attributor_headline_with_a_topic_before_the_colon_and_a_seat_of_power() -> None:
    assert _statements("Орлов о переговорах: «Мы не спешим»") == [("Орлов", None, "direct", "Мы не спешим")]
    assert _statements("Кремль: визит президента не планируется") == [
        ("Кремль", None, "indirect", "визит президента не планируется")]


def test_attributor_light_verb_cue_and_a_coordinated_cue_make_two_statements() -> None:
    text = "Министр Олег Петренко выступил с заявлением, что переговоры сорваны, и призвал к новой встрече."
    assert _statements(text) == [
        ("Олег Петренко", "выступил", "indirect", "переговоры сорваны"),
        ("Олег Петренко", "призвал", "indirect", "новой встрече"),
    ]


def test_attributor_impersonal_cue_names_the_person_whose_statement_it_cites() -> None:
    text = "Страна готова к диалогу. Об этом говорится в заявлении советника министра Ивана Орлова, пишет «Вестник»."
    assert _statements(text) == [("Иван Орлов", "говорится", "indirect", "Страна готова к диалогу")]


def test_attributor_po_slovam_aside_after_a_short_lead_gives_what_follows() -> None:
    text = "Министр Олег Петренко выступил на форуме. Это, по его словам, значит, что «время уходит»."
    assert _statements(text)[-1] == ("Олег Петренко", "по его словам", "mixed", "значит, что «время уходит»")


def test_attributor_present_soobshchaet_relays_an_outlet_behind_a_speaker() -> None:
    text = "Ранее министр Олег Петренко заявил, что переговоры сорваны, сообщает Вестник."
    assert _statements(text) == [("Олег Петренко", "заявил", "indirect", "переговоры сорваны")]


def test_attributor_such_a_statement_and_tak_point_back_to_the_sentence_before() -> None:
    text = "Переговоры сорваны. Такое заявление сделал министр Олег Петренко. Мир близок. Так посол Иван Орлов прокомментировал слухи."
    assert _statements(text) == [
        ("Олег Петренко", "сделал", "indirect", "Переговоры сорваны"),
        ("Иван Орлов", "прокомментировал", "indirect", "Мир близок"),
    ]


def test_attributor_vystupil_za_and_disagreement_with() -> None:
    assert _statements("Министр Олег Петренко выступил за перемирие.") == [
        ("Олег Петренко", "выступил", "indirect", "перемирие")]
    assert _statements("Посол Иван Орлов выразил несогласие с этим планом.") == [
        ("Иван Орлов", "выразил", "indirect", "этим планом")]


def test_attributor_named_party_that_promised_inside_a_statement_gets_its_own_record() -> None:
    text = "Министр Олег Петренко выступил. По словам министра, Латвия обещала помочь, если переговоры сорвутся."
    assert _statements(text) == [
        ("Олег Петренко", "По словам", "indirect", "Латвия обещала помочь, если переговоры сорвутся"),
        ("Латвия", "обещала", "indirect", "помочь, если переговоры сорвутся"),
    ]


def test_attributor_infinitive_after_a_speech_verb_is_the_content() -> None:
    assert _statements("Министр Олег Петренко призвал соседей сесть за стол переговоров.") == [
        ("Олег Петренко", "призвал", "indirect", "сесть за стол переговоров")]


def test_attributor_cue_set_off_after_a_short_lead_reports_what_follows() -> None:
    text = "Однако, добавил министр Иван Петров, сейчас важнее договориться о перемирии."
    assert _statements(text) == [("Иван Петров", "добавил", "indirect", "сейчас важнее договориться о перемирии")]


def test_attributor_ob_etom_closing_a_paragraph_takes_each_sentence_before_it() -> None:
    text = ("Киев не откажется от курса на сближение с союзом. Переговоры продолжатся в Женеве весной. "
            "Об этом заявил министр Иван Петров.")
    assert _statements(text) == [
        ("Иван Петров", "заявил", "indirect", "Киев не откажется от курса на сближение с союзом"),
        ("Иван Петров", "заявил", "indirect", "Переговоры продолжатся в Женеве весной"),
    ]


def test_attributor_ob_etom_skips_a_dateline_and_an_agency_tag() -> None:
    text = "МОСКВА, 5 мая. /Вестник/. Переговоры продолжатся в Женеве весной. Об этом заявил министр Иван Петров."
    assert _statements(text) == [("Иван Петров", "заявил", "indirect", "Переговоры продолжатся в Женеве весной")]


def test_attributor_acronym_speaker_is_the_organisation_named_in_full() -> None:
    text = "Доклад подготовила Служба внешней разведки России. В СВР заявили, что переговоры зашли в тупик."
    assert _statements(text) == [("Служба внешней разведки России", "заявили", "indirect", "переговоры зашли в тупик")]


def test_attributor_inverted_attribution_closes_a_nested_clause_of_content() -> None:
    text = "Москва настаивает на том, чтобы договор учитывал интересы соседей, заявил министр Иван Петров."
    assert _statements(text) == [
        ("Иван Петров", "заявил", "indirect", "Москва настаивает на том, чтобы договор учитывал интересы соседей")]


def test_attributor_first_person_pronoun_outside_quotes_is_no_speaker() -> None:
    assert _statements("Мы будем настаивать на том, чтобы договор был подписан.") == []


def test_a_name_in_the_genitive_after_a_role_owns_the_role_and_does_not_speak() -> None:
    # Invented: the aide speaks, not the minister whose aide he is; the aide is named after.
    text = ("Помощник министра Сидорова заявил, что переговоры продолжатся.\n\n"
            "Переговоры продолжатся в мае, заявил помощник министра Олег Кузнецов.")
    assert [s[0] for s in _statements(text)] == ["Олег Кузнецов", "Олег Кузнецов"]


def test_attributor_cue_set_off_inside_its_content() -> None:
    # Invented: the cue and its source sit between commas inside the content.
    text = "Паромное сообщение, считает мэр Ирина Лаптева, должно быть восстановлено весной."
    assert _statements(text) == [("Ирина Лаптева", "считает", "indirect", text[:-1])]
    # A participle after the source is no content: the content stops before the cue.
    text = "Паром не пойдёт, заявила мэр Ирина Лаптева, отвечая на вопрос журналистов."
    assert _statements(text) == [("Ирина Лаптева", "заявила", "indirect", "Паром не пойдёт")]


def test_attributor_dateline_made_subject_gives_way_to_the_speaker_after_its_dash() -> None:
    # Invented: a site's dateline "Вестник (ВТ) -" that the parser took for the subject.
    text = "Вестник (ВТ) - Министр финансов Олег Петренко заявил, что бюджет будет принят весной."
    assert [(s, c) for s, c, _, _ in _statements(text)] == [("Олег Петренко", "заявил")]


def test_attributor_second_speakers_clause_after_a_ends_the_first_content() -> None:
    # Invented: "A заявил, что …, а Б назвал …" with a circumstance the parser hung on the second cue.
    text = ("Министр Олег Петренко в эфире радио заявил, что бюджет будет принят весной, "
            "а Иван Соколов ранее назвал этот план ошибкой.")
    found = [(s, content) for s, _, _, content in _statements(text)]
    assert found == [("Олег Петренко", "бюджет будет принят весной"), ("Иван Соколов", "этот план ошибкой")]


def test_attributor_po_slovam_source_with_an_apposition_runs_to_its_closing_comma() -> None:
    # Invented: the source phrase goes on past its first comma through the apposition.
    text = ("По словам главы делегации, лидера фракции «Союз» в парламенте Тамаза Гварамии, "
            "страна предложила заключить новый договор.")
    [(speaker, _, _, content)] = _statements(text)
    assert speaker.split()[-1].startswith("Гварами") and content == "страна предложила заключить новый договор"


def test_attributor_speech_verb_with_an_object_reports_it() -> None:
    # Invented: "отметил важность …" takes what was said as its object.
    text = "Посол Иван Петров отметил важность диалога с соседями."
    assert [(s, c, content) for s, c, _, content in _statements(text)] == [
        ("Иван Петров", "отметил", "важность диалога с соседями")]


def test_attributor_relative_object_is_the_noun_phrase_before_it() -> None:
    # Invented: what the relative clause's object stands for is the content.
    text = "Делегации обсудили вопрос международных гарантий безопасности, которых требует Украина."
    assert _statements(text) == [("Украина", "требует", "indirect", "международных гарантий безопасности")]


def test_attributor_an_anaphoric_lead_skips_a_line_of_page_furniture() -> None:
    # Invented: "Видео дня" between the words and "Об этом сообщил …" is the page's, not said.
    text = "Переговоры продолжатся в Вене.\n\nВидео дня\n\nОб этом сообщил министр Павел Игнатов."
    assert _statements(text) == [("Павел Игнатов", "сообщил", "indirect", "Переговоры продолжатся в Вене")]


def test_attributor_the_head_of_states_spokesman_is_the_kremlins() -> None:
    # Invented: "пресс-секретарь главы государства" is the Kremlin spokesman named before.
    text = ("Об этом заявил официальный представитель Кремля Иван Петров.\n\n"
            "«Мы готовы к диалогу», — отметил пресс-секретарь главы государства.")
    assert [speaker for speaker, *_ in _statements(text)][-1] == "Иван Петров"
