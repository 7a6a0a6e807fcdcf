"""Scoring a folder of articles: run kgbuild's own pipeline, compare with the gold files."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from ..nlp import DEFAULT_MODEL
from ..records import Article
from .compare import score_article
from .gold import GOLD_SUFFIX, Gold, GoldFileError, load_gold
from .scores import CorpusScores


def gold_file_for(article: Article, *, shares_file: bool = False) -> Path:
    """Give where an article's gold file belongs.

    `NAME.gold.json` beside `NAME.txt` (or `.md`, `.html`, ...); for a file holding several
    articles (JSON list, JSON Lines), `ID.gold.json` beside it, named after the article id.
    """
    path = Path(article.path)
    name = article.id if shares_file else path.stem
    return path.with_name(name + GOLD_SUFFIX)


def evaluate_corpus(folder: Path, *, model: str = DEFAULT_MODEL) -> CorpusScores:
    """Give the scores of kgbuild's extraction of each article in `folder` that has gold.

    Every gold file is read and checked before anything is parsed, so a malformed one
    fails fast. Articles without gold are listed in `skipped`, gold files without an
    article in `orphans`.
    """
    from ..document import read_articles
    from ..pipeline import extract_articles

    articles = list(read_articles([folder]))
    per_file = Counter(a.path for a in articles)
    judged: list[tuple[Article, Gold]] = []
    skipped: list[str] = []
    notes: list[str] = []
    claimed: set[Path] = set()
    for article in articles:
        shares_file = per_file[article.path] > 1
        gold_file = gold_file_for(article, shares_file=shares_file)
        if gold_file.is_file():
            judged.append((article, load_gold(gold_file, article.text)))
            claimed.add(gold_file.resolve())
        else:
            name = f"{article.path} ({article.id})" if shares_file else article.path
            skipped.append(name)
            notes.append(f"{name} has no gold file ({gold_file.name}); skipped.")
    orphans = sorted(
        str(path)
        for path in (folder.glob("*" + GOLD_SUFFIX) if folder.is_dir() else ())
        if path.resolve() not in claimed
    )
    notes.extend(f"{path} belongs to no article in {folder}; ignored." for path in orphans)
    if not judged:
        raise GoldFileError(
            f"{folder}: no article has a gold file; put NAME.gold.json beside NAME.txt "
            "(the format is in the README's Evaluation section)."
        )
    extractions = extract_articles([article for article, _ in judged], model=model)
    scores = tuple(
        score_article(extraction, gold)
        for extraction, (_, gold) in zip(extractions, judged, strict=True)
    )
    return CorpusScores(scores, tuple(skipped), tuple(orphans), tuple(notes))
