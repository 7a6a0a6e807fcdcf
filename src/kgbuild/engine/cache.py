"""The per-article cache of an output folder: `OUT/.kgbuild/`.

```
OUT/.kgbuild/manifest.json          key, files (sha256 -> article ids), articles, outputs
OUT/.kgbuild/articles/<slug>-<digest>.nq   one article's named graph, sorted N-Quads
OUT/.kgbuild/lock                   held (flock) while a build writes here
```

An article is reused when its file's bytes are unchanged, or when it reads to the same
`Article` record (same fingerprint), and the cache key matches: kgbuild's version and the
source of its stages, the model and its version, spaCy's version, the IRI base, and the
lexicon and gazetteer data files. Any change to those rebuilds every article. Piece file
names hold a digest of key and article, so a new piece never overwrites one the manifest
still names; unreferenced pieces are deleted after the manifest is saved.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Iterable, Mapping
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import IO, Any

from ..errors import DataFileError, KgbuildError
from ..iris import slugify
from .results import ArticleResult, ArticleSummary

CACHE_DIR = ".kgbuild"
MANIFEST = "manifest.json"
PIECES = "articles"
LOCK = "lock"
LAYOUT = 1  # bump when the manifest or piece format changes
_PACKAGE = Path(__file__).resolve().parent.parent
# What decides an article's triples: the stages and the modules they share. The CLI,
# the exporters and this engine do not, so editing them keeps the cache.
_STAGE_SOURCES = ("document", "nlp", "extract", "graph", "resources", "engine/worker.py",
                  "engine/results.py", "iris.py", "records.py", "vocab.py")


def cache_key(model: str, base: str) -> dict[str, str]:
    """Give what a cached article's triples depend on, besides the article itself."""
    return {
        "layout": str(LAYOUT),
        "kgbuild": _version("kgbuild"),
        "code": _digest_files(_package_files()),
        "model": model,
        "model_version": _version(model),
        "spacy": _version("spacy"),
        "base": base,
        "data": _digest_files(_data_files()),
    }


class ArticleCache:
    """The manifest and piece files of one output folder, read at start, saved as we go."""

    def __init__(self, out_dir: Path, key: Mapping[str, str], *, force: bool = False) -> None:
        self.root = out_dir / CACHE_DIR
        self.key = dict(key)
        self.files: dict[str, dict[str, Any]] = {}
        self.articles: dict[str, dict[str, Any]] = {}
        self.outputs: dict[str, Any] = {}
        self.reset_reason: str | None = None
        self._lock: IO[bytes] | None = None
        self._seen: set[str] = set()
        self.dirty = False  # pieces written since the manifest was last saved
        manifest = self._read_manifest()
        if manifest is None:
            return
        old_key = manifest.get("key", {})
        if force:
            self.reset_reason = "--force"
        elif old_key != self.key:
            changed = sorted(k for k in self.key if old_key.get(k) != self.key[k])
            self.reset_reason = f"{', '.join(changed)} changed"
        else:
            self.files = manifest.get("files", {})
            self.articles = manifest.get("articles", {})
            self.outputs = manifest.get("outputs", {})

    # Looking up ----------------------------------------------------------------------

    def unchanged_file(self, path: str, digest: str) -> list[str] | None:
        """Give the ids of a file's articles if its bytes are those cached, else None."""
        entry = self.files.get(path)
        if entry is None or entry.get("sha256") != digest:
            return None
        ids: list[str] = list(entry.get("articles", []))
        if not all(i in self.articles and self._piece(i).is_file() for i in ids):
            return None
        return ids

    def cached(self, article_id: str, fingerprint: str) -> bool:
        """Say whether the article is cached with this fingerprint (same record read)."""
        entry = self.articles.get(article_id)
        return (
            entry is not None
            and entry.get("fingerprint") == fingerprint
            and self._piece(article_id).is_file()
        )

    def reuse(self, article_id: str) -> None:
        """Keep a cached article in this build's output."""
        self._seen.add(article_id)

    def summary(self, article_id: str) -> ArticleSummary:
        """Give the stored summary of a cached article."""
        entry = self.articles[article_id]
        return ArticleSummary(
            article_id=article_id,
            path=entry["path"],
            actors=entry["actors"],
            commitments=entry["commitments"],
            conditions=entry["conditions"],
        )

    # Recording -----------------------------------------------------------------------

    def put(self, result: ArticleResult) -> None:
        """Write one article's piece (atomically) and record it."""
        s = result.summary
        digest = hashlib.sha256(
            (json.dumps(self.key, sort_keys=True) + result.fingerprint).encode("utf-8")
        ).hexdigest()[:16]
        name = f"{slugify(s.article_id)[:48]}-{digest}.nq"
        pieces = self._ensure_root() / PIECES
        pieces.mkdir(exist_ok=True)
        _write_atomically(pieces / name, result.nquads)
        self.articles[s.article_id] = {
            "fingerprint": result.fingerprint,
            "path": s.path,
            "piece": name,
            "actors": s.actors,
            "commitments": s.commitments,
            "conditions": s.conditions,
        }
        self._seen.add(s.article_id)
        self.dirty = True

    def record_file(self, path: str, digest: str, article_ids: Iterable[str]) -> None:
        """Note that every article of the file at `path` (bytes `digest`) is cached."""
        self.files[path] = {"sha256": digest, "articles": list(article_ids)}

    def forget_file(self, path: str) -> None:
        """Drop a file's entry (it changed, failed, or is gone)."""
        self.files.pop(path, None)

    def keep_only_seen(self) -> list[str]:
        """Drop every article not seen in this build (deleted or failing); give their ids."""
        dropped = sorted(set(self.articles) - self._seen)
        for article_id in dropped:
            del self.articles[article_id]
        live = set(self.articles)
        self.files = {
            path: entry
            for path, entry in self.files.items()
            if all(i in live for i in entry.get("articles", []))
        }
        return dropped

    def pieces(self, order: Mapping[str, str]) -> list[Path]:
        """Give the piece of each cached article, sorted by `order[id]` (e.g. graph IRI)."""
        ids = sorted(self.articles, key=lambda i: (order[i], i))
        return [self._piece(i) for i in ids]

    def save(self) -> None:
        """Write the manifest atomically (sorted keys: the same state gives the same bytes)."""
        manifest = {
            "key": self.key,
            "files": self.files,
            "articles": self.articles,
            "outputs": self.outputs,
        }
        data = json.dumps(manifest, sort_keys=True, indent=1, ensure_ascii=False)
        _write_atomically(self._ensure_root() / MANIFEST, data.encode("utf-8") + b"\n")
        self.dirty = False

    def collect_garbage(self) -> None:
        """Delete piece files the manifest no longer names, and leftover temporary files."""
        folder = self.root / PIECES
        if not folder.is_dir():
            return
        wanted = {entry["piece"] for entry in self.articles.values()}
        for child in folder.iterdir():
            if child.name not in wanted:
                with contextlib.suppress(OSError):
                    child.unlink()

    @property
    def work_dir(self) -> Path:
        """Give the cache folder (created and locked), for temporary files of the writers."""
        return self._ensure_root()

    def close(self) -> None:
        """Release the lock on the cache folder."""
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    def piece(self, article_id: str) -> Path:
        """Give the N-Quads file holding a cached article's named graph."""
        return self._piece(article_id)

    # Internals -----------------------------------------------------------------------

    def _piece(self, article_id: str) -> Path:
        return self.root / PIECES / str(self.articles[article_id]["piece"])

    def _read_manifest(self) -> dict[str, Any] | None:
        path = self.root / MANIFEST
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError):
            self.reset_reason = "the manifest was unreadable"
            return None  # a damaged cache is rebuilt, never trusted
        return data if isinstance(data, dict) else None

    def _ensure_root(self) -> Path:
        # Created on first write only: a build that writes nothing leaves OUT untouched.
        if self._lock is None:
            self.root.mkdir(parents=True, exist_ok=True)
            self._lock = open(self.root / LOCK, "wb")  # noqa: SIM115 - held until close()
            _lock_exclusively(self._lock, self.root)
        return self.root


def _lock_exclusively(handle: IO[bytes], root: Path) -> None:
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX: no lock
        return
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        raise KgbuildError(
            f"Another kgbuild build is writing to {root.parent}; wait for it to finish, "
            "or build into another --out folder."
        ) from None


def _write_atomically(path: Path, data: bytes) -> None:
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def _version(distribution: str) -> str:
    try:
        return version(distribution)
    except PackageNotFoundError:
        return "unknown"


def _package_files() -> list[tuple[str, Path]]:
    files: list[tuple[str, Path]] = []
    for name in _STAGE_SOURCES:
        path = _PACKAGE / name
        found = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        files.extend((str(p.relative_to(_PACKAGE)), p) for p in found if p.is_file())
    return files


def _data_files() -> list[tuple[str, Path]]:
    from ..resources import data_path

    files: list[tuple[str, Path]] = []
    for kind in ("lexicons", "gazetteer"):
        try:
            folder = data_path(kind)
        except DataFileError:
            continue  # missing data fails the build itself, with its own message
        found = sorted(p for p in folder.rglob("*") if p.is_file())
        files.extend((f"{kind}/{p.relative_to(folder)}", p) for p in found)
    return files


def _digest_files(files: Iterable[tuple[str, Path]]) -> str:
    digest = hashlib.sha256()
    for name, path in files:
        digest.update(name.encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()
