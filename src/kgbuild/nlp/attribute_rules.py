"""The model's attribute ruler (tag -> part of speech, morphology, lemma exceptions), matched
through an index instead of spaCy's general `Matcher`.

spaCy's `AttributeRuler` runs a `Matcher` over every token with all its patterns (180 in the
small English model, some with regular expressions), which costs about a sixth of the whole
parse. Nearly every pattern names the first token's exact tag or lowercase form, so an index
on those two finds the few candidate patterns of a token; the candidates are then checked in
full. The matches, in the ruler's own order, go to the ruler's own `set_annotations`: the
annotations are the same (tests compare them token by token on the dev corpus).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Token

# A test of one token, given the doc's attribute columns and the token's position.
Columns = dict[str, list[Any]]
TokenTest = Callable[[Columns, int], bool]
# Token attributes the patterns may name, read as the `Matcher` reads them.
_READERS: dict[str, Callable[[Token], Any]] = {
    "TAG": lambda t: t.tag_,
    "LOWER": lambda t: t.lower_,
    "ORTH": lambda t: t.orth_,
    "TEXT": lambda t: t.orth_,
    "DEP": lambda t: t.dep_,
    "POS": lambda t: t.pos_,
    "LEMMA": lambda t: t.lemma_,
    "NORM": lambda t: t.norm_,
    "IS_SPACE": lambda t: t.is_space,
    "IS_PUNCT": lambda t: t.is_punct,
    "IS_DIGIT": lambda t: t.is_digit,
}


# Attributes whose exact values index the patterns, most selective first.
INDEXED = ("LOWER", "TAG", "DEP", "IS_SPACE")


class UnsupportedPattern(ValueError):
    """A pattern uses a feature this index does not read: keep spaCy's ruler."""


@dataclass(frozen=True, slots=True)
class _Rule:
    """One pattern of one attribute group: a test per token of the span it matches."""

    group: int  # the attribute group's number: later groups override earlier ones
    match_id: int  # the ruler's match id of the group
    tests: tuple[TokenTest, ...]
    # One token whose one constraint is its index key: found under the key, it matches.
    certain: bool = False

    def fits(self, columns: Columns, start: int, length: int) -> bool:
        """Tell whether the pattern matches the tokens from `start`."""
        if start + len(self.tests) > length:
            return False
        return all(test(columns, start + k) for k, test in enumerate(self.tests))


def _value_test(name: str, value: Any) -> TokenTest:
    if isinstance(value, dict):
        (operator, operand), *rest = value.items()
        if rest:
            raise UnsupportedPattern(f"several operators in {value!r}")
        if operator == "IN":
            allowed = frozenset(operand)
            return lambda columns, i: columns[name][i] in allowed
        if operator == "NOT_IN":
            barred = frozenset(operand)
            return lambda columns, i: columns[name][i] not in barred
        if operator == "REGEX":
            regex = re.compile(operand)
            return lambda columns, i: regex.search(columns[name][i]) is not None
        raise UnsupportedPattern(f"operator {operator!r}")
    return lambda columns, i: bool(columns[name][i] == value)


def _token_test(spec: dict[str, Any], used: set[str]) -> TokenTest:
    if "OP" in spec:
        raise UnsupportedPattern("quantifier OP")
    tests = []
    for name, value in spec.items():
        if name not in _READERS:
            raise UnsupportedPattern(f"attribute {name!r}")
        used.add(name)
        tests.append(_value_test(name, value))
    if len(tests) == 1:
        return tests[0]
    return lambda columns, i: all(test(columns, i) for test in tests)


def _index_keys(first: dict[str, Any]) -> list[tuple[str, Any]]:
    """Give the (attribute, value) keys under which a pattern starting with `first` is
    looked up: the values of its most selective exact or `IN` constraint; none if it has
    no such constraint (then it is tried at every token)."""
    for name in INDEXED:
        value = first.get(name)
        if isinstance(value, (str, bool)):
            return [(name, value)]
        if isinstance(value, dict) and set(value) == {"IN"}:
            return [(name, v) for v in value["IN"]]
    return []


class IndexedAttributeRuler:
    """Applies an `AttributeRuler`'s patterns, finding candidates by first tag or form."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.ruler = ruler
        self.index: dict[tuple[str, Any], list[_Rule]] = {}
        self.anywhere: list[_Rule] = []
        self.readers: dict[str, Callable[[Token], Any]] = {}
        used: set[str] = set()
        strings = ruler.vocab.strings
        for group, entry in enumerate(ruler.patterns):
            match_id = strings[str(group)]
            patterns: list[list[dict[str, Any]]] = cast(Any, entry)["patterns"]
            for pattern in patterns:
                keys = _index_keys(pattern[0])
                certain = len(pattern) == 1 and len(pattern[0]) == 1 and bool(keys)
                tests = tuple(_token_test(s, used) for s in pattern)
                rule = _Rule(group, match_id, tests, certain)
                for key in keys:
                    self.index.setdefault(key, []).append(rule)
                if not keys:
                    self.anywhere.append(rule)
        used.update(INDEXED)
        self.readers = {name: _READERS[name] for name in sorted(used)}

    def matches(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """Give (group, match id, start, end) of every match, in the ruler's order."""
        found: set[tuple[int, int, int, int]] = set()
        columns = {name: [read(t) for t in doc] for name, read in self.readers.items()}
        keyed = [(name, columns[name]) for name in INDEXED]
        length = len(doc)
        index = self.index
        for start in range(length):
            for name, column in keyed:
                for rule in index.get((name, column[start]), ()):
                    if rule.certain or rule.fits(columns, start, length):
                        found.add((rule.group, rule.match_id, start, start + len(rule.tests)))
        if self.anywhere:
            # Tried at every token, they are tried once per distinct token: the first test
            # reads nothing but the token's own attributes.
            rows = zip(*columns.values(), strict=True)
            passing: dict[tuple[Any, ...], list[_Rule]] = {}
            for start, row in enumerate(rows):
                rules = passing.get(row)
                if rules is None:
                    rules = passing[row] = [r for r in self.anywhere if r.tests[0](columns, start)]
                for rule in rules:
                    if rule.fits(columns, start, length):
                        found.add((rule.group, rule.match_id, start, start + len(rule.tests)))
        return sorted(found)

    def __call__(self, doc: Doc) -> Doc:
        self.ruler.set_annotations(doc, self.matches(doc))  # type: ignore[no-untyped-call]
        return doc

