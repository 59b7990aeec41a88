"""The outlet of an article: from its URL (a well-known name, else the registered domain),
its page's site name, or the title of the feed it came in ("Outlet - Section" gives "Outlet").

``https://www.example.co.uk/news/1`` belongs to ``example.co.uk``: the public-suffix list
(through the ``tld`` package) knows that ``co.uk`` is a suffix, so subdomains such as
``www.``, ``edition.`` or ``m.`` never split one outlet in two.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml
from tld import get_fld

from redline import yamlfile
from redline.errors import RedlineError

OUTLETS = Path(__file__).resolve().parents[1] / "lexicons" / "outlets.yaml"
# Feeds and sites title themselves "Outlet - Section" or "Outlet | Section". Only a spaced
# separator counts, so that hyphenated names ("Radio-Canada") stay whole.
_TITLE_SEPARATOR = re.compile(r"\s+[-|–—]\s+")


def load_outlets(path: Path = OUTLETS) -> dict[str, str]:
    """Read the domain-to-name table; a malformed entry raises naming file and entry."""
    try:
        data = yamlfile.load(path)
    except (OSError, yaml.YAMLError) as exc:
        raise RedlineError(f"{path}: cannot read lexicon: {exc}") from exc
    domains = data.get("domains") if isinstance(data, dict) else None
    if not isinstance(domains, dict):
        raise RedlineError(f"{path}: domains: must map each domain to an outlet name")
    for domain, name in domains.items():
        if not isinstance(name, str) or not name.strip():
            raise RedlineError(f"{path}: domains: {domain}: the outlet name must be text")
    return {str(domain).lower(): name for domain, name in domains.items()}


@lru_cache(maxsize=1)
def _outlets() -> dict[str, str]:
    return load_outlets()


def outlet_from_url(url: str | None) -> str | None:
    """The outlet a URL belongs to; None for no URL, an IP address or a local host."""
    domain = _domain(url)
    return _outlets().get(domain, domain) if domain else None


def outlet_from_site_name(name: str | None) -> str | None:
    """A page's site name as an outlet, a bare host name ("edition.cnn.com") mapped like a URL."""
    name = name.strip() if name else ""
    if not name:
        return None
    # trafilatura falls back to the host name when a page names no site; mapped, it joins
    # the outlet's other pages instead of splitting it by subdomain.
    if " " in name or "." not in name:
        return name
    return outlet_from_url(name) or name


def known_outlet(url: str | None) -> str | None:
    """The name outlets.yaml gives a URL's domain; None when the domain is not listed."""
    domain = _domain(url)
    return _outlets().get(domain) if domain else None


def outlet_from_title(title: str | None) -> str | None:
    """The outlet a feed's title names: the part before a " - " or " | " separator."""
    title = title.strip() if title else ""
    return _TITLE_SEPARATOR.split(title, maxsplit=1)[0] if title else None


def feed_outlet(title: str | None, *urls: str | None) -> str | None:
    """The outlet of a feed entry: a known name for one of its URLs, else the feed's title."""
    for url in urls:
        name = known_outlet(url)
        if name:
            return name
    return outlet_from_title(title)


def _domain(url: str | None) -> str | None:
    """The registered domain of a URL, lowercased; None for an IP address or a local host."""
    if not url:
        return None
    domain = get_fld(url.strip(), fail_silently=True, fix_protocol=True)
    return domain.lower() if isinstance(domain, str) else None
