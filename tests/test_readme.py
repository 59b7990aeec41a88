"""The README's YAML examples are what a new user copies into a pack: each must parse."""
import re
from pathlib import Path

import yaml

README = Path(__file__).resolve().parents[1] / "README.md"


def test_every_yaml_block_in_the_readme_parses() -> None:
    blocks = re.findall(r"```yaml\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    assert blocks, "the README lost its YAML examples"
    for block in blocks:
        assert yaml.safe_load(block) is not None, block[:80]
