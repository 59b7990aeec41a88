"""Story links: how far the score of a translation and its original stands above every other pair.

Reads every corpus folder it is given (default: the bundled examples, and ../shared's
dev sets when present), scores each machine-translated document against every original
in another language, and prints the best pairs with the linking threshold beside them.
A true pair should be the only one above the threshold.

    .venv/bin/python bench/story_links.py [FOLDER ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

from redline import settings as settings_module
from redline.evaluate import read_corpus
from redline.ingest.stories import comparable, features, similarity

DEFAULT = ["examples/corpus", "examples/russian/corpus", "examples/heldout/corpus", "../shared/seeds",
           "../shared/dev-ru/docs", "../shared/dev-news/docs"]


def main(folders: list[str]) -> None:
    """Print, for each translation, its best-scoring originals and the threshold."""
    threshold = settings_module.load({})["story_threshold"]
    documents = []
    for folder in folders:
        if Path(folder).is_dir():
            documents += read_corpus(Path(folder))[0]
    translations = [d for d in documents if d.machine_translated]
    print(f"{len(documents)} documents, {len(translations)} machine-translated; threshold {threshold}")
    for translation in translations:
        mine = features(translation)
        scores = sorted(((similarity(mine, features(o)), o.doc) for o in documents if comparable(translation, o)),
                        reverse=True)
        above = sum(1 for score, _ in scores if score >= threshold)
        best = ", ".join(f"{doc} {score:.3f}" for score, doc in scores[:3])
        print(f"{translation.doc}: {above} above threshold; best: {best}")


if __name__ == "__main__":
    main(sys.argv[1:] or DEFAULT)
