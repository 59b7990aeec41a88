"""The outlet of an article from its URL: a well-known name, else the registered domain.

``https://www.example.co.uk/news/1`` belongs to ``example.co.uk``: the public-suffix list
(through the ``tld`` package) knows that ``co.uk`` is a suffix, so subdomains such as
``www.``, ``edition.`` or ``m.`` never split one outlet in two.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from tld import get_fld

from redline.errors import RedlineError

OUTLETS = Path(__file__).resolve().parents[1] / "lexicons" / "outlets.yaml"


def load_outlets(path: Path = OUTLETS) -> dict[str, str]:
    """Read the domain-to-name table; a malformed entry raises naming file and entry."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
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
    if not url:
        return None
    domain = get_fld(url.strip(), fail_silently=True, fix_protocol=True)
    if not isinstance(domain, str):
        return None
    domain = domain.lower()
    return _outlets().get(domain, domain)
