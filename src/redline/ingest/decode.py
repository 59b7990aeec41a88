"""Bytes to text: size limits, binary sniffing and charset detection.

Every reader turns bytes into text here, so a binary file, an empty file or undecodable
bytes get the same one-line reason wherever they come from (a file, a response, a WARC
record). Order of trust: a byte-order mark, then UTF-8 (valid UTF-8 is almost never an
accident, and text that is UTF-8 but for a few damaged bytes stays UTF-8, those bytes
replaced and a warning given), then the charset the source declares, then
charset-normalizer's guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path


from redline.errors import InputError

# File signatures of formats that are never article text; a reader named them .txt or
# .html by mistake (or a server mislabelled them).
MAGIC_NUMBERS: tuple[bytes, ...] = (
    b"\x89PNG",
    b"\xff\xd8\xff",  # JPEG
    b"GIF87a",
    b"GIF89a",
    b"%PDF-",
    b"PK\x03\x04",  # ZIP, and so DOCX, XLSX, EPUB
    b"\x1f\x8b",  # gzip
    b"\x7fELF",
    b"\xd0\xcf\x11\xe0",  # OLE2: DOC, XLS
    b"7z\xbc\xaf\x27\x1c",
    b"\xfd7zXZ\x00",
)
BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
SNIFF_BYTES = 8192
# Share of C0 control bytes above which a sample is binary; text has tabs and newlines
# but hardly any other control bytes, whatever its charset.
MAX_CONTROL_RATIO = 0.1
_CONTROL = (frozenset(range(0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B}) | {0x7F}
# Text is taken as damaged UTF-8 when its well-formed multi-byte characters outnumber its
# broken sequences this many times over: a page in a legacy charset has almost no
# well-formed ones by accident (Cyrillic in cp1251 hardly ever pairs a lead byte with a
# continuation byte), while a UTF-8 page with one bad byte has dozens.
UTF8_EVIDENCE_RATIO = 2
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9._:-]+)""", re.I)


def human_size(size: int) -> str:
    """Render a byte count the way a user reads it: ``52.4 MB``, ``2.0 kB``, ``800 B``."""
    for unit, scale in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if size >= scale:
            return f"{size / scale:.1f} {unit}"
    return f"{size} B"


def too_large(size: int, limit: int, what: str = "file") -> str:
    """The reason given for a file or response over the size limit."""
    return f"{what} too large ({human_size(size)} > {human_size(limit)} limit)"


def read_capped(path: Path, source: str, max_bytes: int) -> bytes:
    """Read a whole file, refusing one over ``max_bytes`` before reading any of it."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(source, too_large(size, max_bytes))
        return path.read_bytes()
    except OSError as exc:
        raise InputError(source, exc.strerror or str(exc)) from exc


def is_binary(data: bytes) -> bool:
    """Tell whether bytes are a binary format rather than text in some charset."""
    if data.startswith(MAGIC_NUMBERS):
        return True
    sample = data[:SNIFF_BYTES]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte in _CONTROL)
    return controls > MAX_CONTROL_RATIO * len(sample)


def declared_charset(data: bytes, content_type: str | None = None) -> str | None:
    """The charset a source declares: the HTTP header's, else an HTML ``<meta>``'s."""
    if content_type:
        match = _HEADER_CHARSET.search(content_type)
        if match:
            return match.group(1)
    meta = _META_CHARSET.search(data[:SNIFF_BYTES])
    return meta.group(1).decode("ascii") if meta else None


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, and what to warn about it (damaged bytes replaced)."""

    text: str
    warning: str | None = None


def decode(data: bytes, source: str, declared: str | None = None, what: str = "file") -> Decoded:
    """Decode the bytes of one input to text with ``\\n`` newlines, or raise InputError."""
    if not data.strip():
        raise InputError(source, f"empty {what}")
    decoded = _decode(data, source, declared)
    if not decoded.text.strip():
        raise InputError(source, f"empty {what}")
    return Decoded(normalise_newlines(decoded.text), decoded.warning)



def normalise_newlines(text: str) -> str:
    """Turn Windows and old Mac line ends into ``\\n``."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _damaged_utf8(data: bytes) -> Decoded | None:
    """UTF-8 text with its few broken sequences replaced, or None if it is not UTF-8 at all."""
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd") - data.count("\ufffd".encode())
    well_formed = sum(1 for char in text if ord(char) > 0x7F) - text.count("\ufffd")
    if well_formed < UTF8_EVIDENCE_RATIO * broken:
        return None
    places = "1 place" if broken == 1 else f"{broken} places"
    return Decoded(text, f"not valid UTF-8 in {places}; replaced with U+FFFD")


def _decode(data: bytes, source: str, declared: str | None) -> Decoded:
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(codec))
            except UnicodeDecodeError as exc:
                reason = f"cannot decode bytes as {codec} despite its byte-order mark"
                raise InputError(source, reason) from exc
    if is_binary(data):
        raise InputError(source, "binary file, not text")
    try:
        return Decoded(data.decode("utf-8"))
    except UnicodeDecodeError:
        tried = ["utf-8"]
    damaged = _damaged_utf8(data)
    if damaged is not None:
        return damaged
    if declared:
        try:
            return Decoded(data.decode(declared))
        except (UnicodeDecodeError, LookupError):
            tried.append(f"{declared} (declared)")
    # Imported here: charset_normalizer takes a tenth of a second, and most text is UTF-8.
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        return Decoded(str(best))
    tried.append("charset detection")
    raise InputError(source, f"cannot decode bytes (tried {', '.join(tried)})")
