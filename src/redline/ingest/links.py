"""Links found in remote content: which ones redline may follow, and URLs without passwords.

A feed entry's link or a redirect's Location is written by whoever serves the content, so
it must not make redline read a local file (``file://``) or reach a machine that only the
user's network can see (loopback, private, link-local and reserved addresses, judged by
the addresses the host name resolves to, so that ``0x7f.1`` or a name pointing at 10.0.0.5
count as what they are). Content that itself came from such an address (a local test
server, an intranet feed) may link to its neighbours. Credentials written into a URL
(``http://user:secret@host/``) are used for that fetch only: every message and every
stored name shows the URL without them.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from urllib.parse import urlsplit

WEB_SCHEMES = frozenset({"http", "https"})
# "scheme://userinfo@": the userinfo holds no "/", "?" or "#" (RFC 3986), so a later "@"
# in a path is left alone.
_CREDENTIALS = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/?#\s@]+@")


def without_credentials(text: str) -> str:
    """The text with the ``user:password@`` part of every URL in it removed."""
    return _CREDENTIALS.sub(r"\1", text)


def private_address(url: str) -> str | None:
    """The first loopback, private, link-local or reserved address a URL's host resolves to."""
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    try:
        infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        # A name that does not resolve cannot be reached either; the fetch reports it.
        return None
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        # "::ffff:127.0.0.1" is the IPv4 address inside it.
        mapped = address.ipv4_mapped if isinstance(address, ipaddress.IPv6Address) else None
        if not _is_public(mapped or address):
            return str(mapped or address)
    return None


def refused(url: str, private_ok: bool) -> str | None:
    """Why a link found in remote content may not be followed; None when it may."""
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return "not a valid URL"
    if scheme not in WEB_SCHEMES:
        return "only http(s) links are followed"
    address = None if private_ok else private_address(url)
    if address is not None:
        return f"private address {address}"
    return None


def _is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    return address.is_global and not address.is_multicast
