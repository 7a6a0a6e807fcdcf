"""Generate N articles from the annotated articles, varied deterministically.

Usage: python bench/make_corpus.py N OUT_DIR [--seed S] [--sources DIR ...]

The sources are the articles of data/articles (the dev set) and data/heldout (the
held-out set): 20 articles when the runs of 2026-11-26 in bench/RESULTS.md were made, 25
since batch 80-84 joined the held-out set. Article i is source (i mod S) with its body
paragraphs shuffled, the sentences of each paragraph rotated,
and the states and persons it names swapped for others of the same kind from the
gazetteer (labels and adjectives), all from random.Random(seed, i): the same N, seed and
sources always give the same files. (Until 2026-11-26 the sources were the four dev
articles alone; `--sources data/articles` still makes that corpus.)
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SOURCES = (ROOT / "data" / "articles", ROOT / "data" / "heldout")
GAZETTEER = ROOT / "data" / "gazetteer"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")


def _actors(kind: str, name: str) -> list[dict[str, object]]:
    data = yaml.safe_load((GAZETTEER / name).read_text(encoding="utf-8")) or {}
    return [a for a in data.get("actors", []) if a.get("type") == kind and a.get("label")]


def _swaps(text: str, rng: random.Random, states: list[dict[str, object]],
           persons: list[dict[str, object]]) -> dict[str, str]:
    swaps: dict[str, str] = {}
    for pool in (states, persons):
        present = [a for a in pool if str(a["label"]) in text]
        for actor, other in zip(present, rng.sample(pool, len(present)), strict=True):
            swaps[str(actor["label"])] = str(other["label"])
            old_adj, new_adj = actor.get("adjectives") or [], other.get("adjectives") or []
            if old_adj and new_adj:
                swaps[str(old_adj[0])] = str(new_adj[0])  # type: ignore[index]
            if pool is persons:
                swaps[str(actor["label"]).split()[-1]] = str(other["label"]).split()[-1]
    return swaps


def _replace(text: str, swaps: dict[str, str]) -> str:
    if not swaps:
        return text
    names = sorted(swaps, key=len, reverse=True)
    pattern = re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b")
    return pattern.sub(lambda m: swaps[m.group(1)], text)


def variant(source: str, rng: random.Random, states: list[dict[str, object]],
            persons: list[dict[str, object]]) -> str:
    """Give one varied copy of an article's text."""
    lines = source.split("\n")
    # Front matter (between two '---' lines) and the first line stay in place.
    start = lines.index("---", 1) + 1 if lines[0] == "---" else 0
    head, body, tail = lines[: start + 1], lines[start + 1 : -1], lines[-1:]
    rng.shuffle(body)
    rotated = []
    for paragraph in body:
        sentences = _SENTENCE_END.split(paragraph)
        turn = rng.randrange(len(sentences)) if sentences else 0
        rotated.append(" ".join(sentences[turn:] + sentences[:turn]))
    text = "\n".join(head + rotated + tail)
    return _replace(text, _swaps(text, rng, states, persons))


def main() -> None:
    """Write the corpus."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--sources", type=Path, nargs="+", default=list(SOURCES),
                        help="folders of articles to vary (default: dev and held-out)")
    args = parser.parse_args()
    paths = sorted(path for folder in args.sources for path in folder.glob("*.txt"))
    sources = [path.read_text(encoding="utf-8") for path in paths]
    states = _actors("State", "states.yaml")
    persons = _actors("Person", "persons.yaml")
    args.out.mkdir(parents=True, exist_ok=True)
    for i in range(args.n):
        rng = random.Random(f"{args.seed}-{i}")
        source = sources[i % len(sources)]
        text = variant(source, rng, states, persons) if i >= len(sources) else source
        (args.out / f"a{i:05d}.txt").write_text(text, encoding="utf-8")
    print(f"wrote {args.n} articles to {args.out}")


if __name__ == "__main__":
    main()
