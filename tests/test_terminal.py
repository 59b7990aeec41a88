"""Input text reaches the terminal with no markup read and every control code made visible."""

from __future__ import annotations

from rich.console import Console

from redline.terminal import line, plain, visible


def test_terminal_visible_escapes_c0_c1_and_del_but_keeps_newline_and_tab() -> None:
    assert visible("a\x1b]0;t\x07b\x1b[2Jc\x9bd\x7fe") == "a\\x1b]0;t\\x07b\\x1b[2Jc\\x9bd\\x7fe"
    assert visible("one\ttwo\nthree") == "one\ttwo\nthree"
    assert visible("a\rb\x00") == "a\\x0db\\x00"


def test_terminal_plain_is_never_read_as_markup() -> None:
    console = Console(width=80, record=True, color_system=None)
    console.print(plain("[bold red]x[/] [/"))
    console.print(line("error:", "red", "[/nope]: bad"))
    assert console.export_text() == "[bold red]x[/] [/\nerror: [/nope]: bad\n"


def test_terminal_plain_of_none_is_empty() -> None:
    assert plain(None).plain == ""
