"""The matching rules: text normalisation, similarity, and one-to-one greedy pairing.

These are the rules the README's "Evaluation" section states; change both together.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Hashable, Iterable, Sequence

# A predicted and a gold commitment in the same sentence match when their debtors overlap
# or their actions are this similar (token Jaccard) or one action contains the other.
ACTION_SIMILARITY = 0.3
# A predicted and a gold condition of a matched pair match at this token Jaccard, or when
# one text contains the other (a predicted text may keep its marker word: "once ...").
CONDITION_SIMILARITY = 0.5

# Curly quotes and apostrophes are spelled straight before comparing.
_STRAIGHT = str.maketrans({"’": "'", "‘": "'", "‛": "'", "`": "'", "“": '"', "”": '"', "„": '"'})
_LABEL_DROP = re.compile(r"[\"'«».]")  # quotes and dots: "U.S." ~ "US", "E3" ~ "“E3”"
_POSSESSIVE = re.compile(r"'s\b|(?<=s)'(?!\w)")  # "Ukraine's", "allies'"
_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")


def straighten(text: str) -> str:
    """Give `text` with curly quotes and apostrophes spelled straight (same length)."""
    return text.translate(_STRAIGHT)


def _fold(text: str) -> str:
    return straighten(unicodedata.normalize("NFKC", text)).casefold()


def label_key(label: str) -> str:
    """Give the form under which two actor labels count as equal.

    Case, curly vs straight quotes, quote marks, dots, runs of spaces and a leading
    "the" are ignored: "the U.S." ~ "US", "Ukraine’s allies" ~ "ukraine's allies".
    """
    folded = _SPACE.sub(" ", _LABEL_DROP.sub("", _fold(label))).strip()
    return folded.removeprefix("the ")


def actor_key_label(key: str) -> str:
    """Give the label form of an actor key ("united-states" -> "united states")."""
    return label_key(key.rsplit("/", 1)[-1].replace("-", " ").replace("_", " "))


def tokens(text: str) -> tuple[str, ...]:
    """Give the words of a phrase: lower case, without punctuation, quotes or possessives."""
    return tuple(_WORD.findall(_POSSESSIVE.sub("", _fold(text))))


def jaccard(a: Iterable[Hashable], b: Iterable[Hashable]) -> float:
    """Give |a ∩ b| / |a ∪ b| of two collections taken as sets (0 when both are empty)."""
    left, right = set(a), set(b)
    union = left | right
    return len(left & right) / len(union) if union else 0.0


def contains(a: Sequence[str], b: Sequence[str]) -> bool:
    """Say whether one non-empty token sequence occurs, contiguously, inside the other."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if not short:
        return False
    n = len(short)
    return any(tuple(long[i : i + n]) == tuple(short) for i in range(len(long) - n + 1))


def text_similarity(a: str, b: str, threshold: float) -> float | None:
    """Give the token Jaccard of two phrases if they are similar enough, else None.

    Similar enough: Jaccard >= `threshold`, or one phrase contains the other.
    """
    ta, tb = tokens(a), tokens(b)
    score = jaccard(ta, tb)
    return score if score >= threshold or contains(ta, tb) else None


def greedy_pairs(
    candidates: Iterable[tuple[tuple[float | int, ...], int, int]],
) -> list[tuple[int, int]]:
    """Give a one-to-one pairing of gold and predicted items, best candidates first.

    Each candidate is `(sort_key, gold_index, predicted_index)`; lower sort keys win
    (callers pass negated scores), then lower gold index, then lower predicted index,
    so the pairing is deterministic.
    """
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _key, gi, pi in sorted(candidates):
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def same_qid(a: str | None, b: str | None) -> bool:
    """Say whether two Wikidata references name the same entity ("Q142", "wd:Q142", IRIs)."""
    if not a or not b:
        return False
    return _qid(a) == _qid(b)


def _qid(ref: str) -> str:
    return re.split(r"[/:#]", ref.strip())[-1].upper()
