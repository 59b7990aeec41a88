"""Bytes to text: charsets, binary and empty input, size messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from redline.errors import InputError
from redline.ingest.decode import Decoded, declared_charset, decode, human_size, is_binary, read_capped, too_large

CYRILLIC = "Переговоры о гарантиях безопасности продолжатся на следующей неделе, сообщили дипломаты."


def test_decode_utf8_with_bom_drops_the_mark() -> None:
    assert decode("\ufeffTalks resume.".encode("utf-8"), "a.txt").text == "Talks resume."


@pytest.mark.parametrize("codec", ["cp1251", "koi8_r"])
def test_decode_detects_russian_single_byte_charsets(codec: str) -> None:
    assert decode(CYRILLIC.encode(codec), "ru.txt").text == CYRILLIC


def test_decode_honours_declared_charset() -> None:
    data = "<meta charset='windows-1251'><p>Мир</p>".encode("cp1251")
    assert declared_charset(data) == "windows-1251"
    assert decode(data, "page.html", declared_charset(data)).text == "<meta charset='windows-1251'><p>Мир</p>"


def test_decode_header_charset_wins_over_meta() -> None:
    assert declared_charset(b'<meta charset="utf-8">', "text/html; charset=KOI8-R") == "KOI8-R"


def test_decode_utf16_with_bom() -> None:
    assert decode("Two delegations.".encode("utf-16"), "a.txt").text == "Two delegations."


def test_decode_normalises_newlines() -> None:
    assert decode(b"one\r\ntwo\rthree\n", "a.txt").text == "one\ntwo\nthree\n"


@pytest.mark.parametrize(
    "data", [b"\x89PNG\r\n\x1a\n rest", b"%PDF-1.7 text-like start", b"abc\x00def", bytes(range(1, 9)) * 20]
)
def test_decode_binary_is_refused(data: bytes) -> None:
    assert is_binary(data)
    with pytest.raises(InputError) as caught:
        decode(data, "photo.txt")
    assert str(caught.value) == "photo.txt: binary file, not text"


def test_decode_undecodable_names_what_was_tried() -> None:
    with pytest.raises(InputError) as caught:
        decode(bytes(range(128, 256)) * 3, "odd.txt", declared="ascii")
    assert str(caught.value) == "odd.txt: cannot decode bytes (tried utf-8, ascii (declared), charset detection)"


@pytest.mark.parametrize("data", [b"", b" \n\t\r\n "])
def test_decode_empty_or_blank_is_refused(data: bytes) -> None:
    with pytest.raises(InputError) as caught:
        decode(data, "blank.txt")
    assert str(caught.value) == "blank.txt: empty file"


def test_decode_sizes_read_as_a_user_reads_them() -> None:
    assert [human_size(n) for n in (800, 2_000, 52_400_000, 3_000_000_000)] == ["800 B", "2.0 kB", "52.4 MB", "3.0 GB"]
    assert too_large(52_400_000, 10_000_000) == "file too large (52.4 MB > 10.0 MB limit)"


def test_decode_read_capped_refuses_large_file_from_its_size(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(52_400_000)  # sparse: nothing is written
    with pytest.raises(InputError) as caught:
        read_capped(big, "big.txt", 10_000_000)
    assert str(caught.value) == "big.txt: file too large (52.4 MB > 10.0 MB limit)"


def test_decode_utf8_with_a_few_bad_bytes_stays_utf8_with_a_warning() -> None:
    text = "Переговоры “по существу” продолжатся в среду, сказал посол."
    data = text.encode("utf-8").replace("среду".encode(), b"\xff\xfe\xe0")
    decoded = decode(data, "ru.txt")
    assert decoded.text == text.replace("среду", "\ufffd\ufffd\ufffd")
    assert decoded.warning == "not valid UTF-8 in 3 places; replaced with U+FFFD"


def test_decode_text_that_is_not_utf8_at_all_is_still_guessed() -> None:
    # One well-formed pair by chance cannot outweigh a page of cp1251 letters.
    assert decode(CYRILLIC.encode("cp1251"), "ru.txt") == Decoded(CYRILLIC)
    assert decode("Un café, déjà fermé.".encode("cp1252"), "fr.txt", declared="cp1252") == Decoded(
        "Un café, déjà fermé."
    )
