"""Text from input made safe for a terminal: no markup, no control codes.

Article text, titles, document names, speaker names and error messages all come from
input. Rich reads ``[...]`` in a plain string as styling and a terminal obeys escape
sequences (``ESC]0;`` sets the window title, ``ESC[2J`` clears the screen), so every string
from input reaches the terminal through :func:`plain` as a ``Text`` (never parsed as
markup) with its control characters shown as ``\\x1b``-style escapes. ``--json`` output
does not come through here and keeps the text verbatim.
"""

from __future__ import annotations

import re

from rich.text import Text

# C0 and C1 control characters and DEL; newline and tab lay text out and are kept.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    """The text with every control character but newline and tab as a visible escape."""
    return _CONTROL.sub(lambda found: f"\\x{ord(found.group()):02x}", text)


def plain(text: object, style: str = "") -> Text:
    """Input-derived text as a Rich ``Text``: never read as markup, controls made visible."""
    return Text(visible("" if text is None else str(text)), style=style)


def line(label: str, label_style: str, message: object) -> Text:
    """A one-line message such as ``error: <input>``, the message from input kept plain."""
    text = Text(label, style=label_style)
    text.append(" ")
    text.append(plain(message))
    return text
