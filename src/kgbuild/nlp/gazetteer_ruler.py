"""The gazetteer entity ruler: marks every gazetteer form as an entity whose id is the
actor's key.

spaCy's `EntityRuler` runs token patterns through its `Matcher`, token by token; with
the gazetteer's 1,300 patterns that cost more than the parse itself. This component finds
candidates with a `PhraseMatcher` on lowercase text, then checks each candidate against
its pattern's case rules (`ORTH` for abbreviations such as "US", `IS_LOWER` false for
capitalised one-word names), which gives the same entities several times faster.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

TokenRule = Mapping[str, Any]


def _token_fits(token: Token, rule: TokenRule) -> bool:
    if "ORTH" in rule and token.text != rule["ORTH"]:
        return False
    if "LOWER" in rule and token.lower_ != rule["LOWER"]:
        return False
    return not ("IS_LOWER" in rule and token.is_lower != rule["IS_LOWER"])


def _lower_words(pattern: Sequence[TokenRule]) -> list[str]:
    return [str(rule.get("LOWER", rule.get("ORTH", ""))).lower() for rule in pattern]


class GazetteerRuler:
    """Sets `doc.ents` from gazetteer patterns, overwriting what was there where they meet."""

    def __init__(self, nlp: Language, patterns: Iterable[Mapping[str, Any]]) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        # Candidates by lowercase form; each keeps its token rules, label and actor key.
        self.rules: dict[str, list[tuple[Sequence[TokenRule], str, str]]] = {}
        for pattern in patterns:
            words = _lower_words(pattern["pattern"])
            key = " ".join(words)
            if key not in self.rules:
                self.rules[key] = []
                self.matcher.add(key, [Doc(nlp.vocab, words=words)])
            self.rules[key].append((pattern["pattern"], str(pattern["label"]), str(pattern["id"])))

    def __call__(self, doc: Doc) -> Doc:
        found: list[Span] = []
        for match_id, start, end in self.matcher(doc):
            key = doc.vocab.strings[match_id]
            for rules, label, actor in self.rules[key]:
                if all(_token_fits(t, r) for t, r in zip(doc[start:end], rules, strict=True)):
                    found.append(Span(doc, start, end, label=label, span_id=actor))
                    break
        if not found:
            return doc
        chosen = filter_spans(found)
        taken = {i for span in chosen for i in range(span.start, span.end)}
        kept = [e for e in doc.ents if not taken.intersection(range(e.start, e.end))]
        doc.ents = sorted([*kept, *chosen], key=lambda s: s.start)
        return doc
