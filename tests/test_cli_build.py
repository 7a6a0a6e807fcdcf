"""`kgbuild build` end to end through the CLI: outputs, summaries, determinism, bad input."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ARTICLES, ROOT, SEED
from kgbuild import __version__
from kgbuild.cli import main


def _snapshot(folder: Path) -> dict[str, bytes]:
    """Give every file under `folder` (the build cache included) with its bytes."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture()
def populated_out(tmp_path: Path) -> Path:
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("previous build\n")
    return out


def test_build_writes_turtle_trig_and_viewer(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", str(SEED), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    outputs = sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("."))
    assert outputs == ["graph.html", "graph.trig", "graph.ttl"]
    lines = result.output.strip().splitlines()
    assert re.fullmatch(
        r"00_paris-2025-09-04: \d+ actors, \d+ commitments, \d+ conditions", lines[0]
    )
    assert lines[-1].startswith("total: 1 articles, ")


def test_build_twice_is_byte_identical(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(ARTICLES), "--out", str(first)]).exit_code == 0
    assert runner.invoke(main, ["build", str(ARTICLES), "--out", str(second)]).exit_code == 0
    graphs = ("graph.ttl", "graph.trig", "graph.html")
    assert [(first / g).read_bytes() for g in graphs] == [(second / g).read_bytes() for g in graphs]


def test_base_option_changes_minted_iris(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["build", str(SEED), "--out", str(tmp_path), "--base", "https://example.org/kg/"]
    )
    assert result.exit_code == 0, result.output
    assert "https://example.org/kg/article/00-paris-2025-09-04" in (
        tmp_path / "graph.ttl"
    ).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n ", "empty"),
        ("binary.txt", bytes(range(256)) * 4, "binary"),
        ("latin1.txt", "Déjà vu in Paris".encode("latin-1"), "UTF-8"),
    ],
)
def test_bad_article_is_one_line_exit_1_and_output_untouched(
    tmp_path: Path, populated_out: Path, name: str, content: bytes, message: str
) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    before = _snapshot(populated_out)
    result = CliRunner().invoke(main, ["build", str(bad), "--out", str(populated_out)])
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and message in lines[0]
    assert _snapshot(populated_out) == before


def test_missing_path_is_one_line_exit_1(tmp_path: Path, populated_out: Path) -> None:
    before = _snapshot(populated_out)
    result = CliRunner().invoke(
        main, ["build", str(tmp_path / "nope.txt"), "--out", str(populated_out)]
    )
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert "nope.txt" in result.stderr
    assert _snapshot(populated_out) == before


def test_unknown_model_is_one_line_exit_1(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["build", str(SEED), "--out", str(tmp_path / "o"), "--model", "no_such_model"]
    )
    assert result.exit_code == 1
    assert result.stderr.strip().count("\n") == 0
    assert "no_such_model" in result.stderr
    assert not (tmp_path / "o").exists()


def test_bad_base_iri_is_one_line_exit_1(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["build", str(SEED), "--out", str(tmp_path), "--base", "not an iri"]
    )
    assert result.exit_code == 1
    assert "Invalid base IRI" in result.stderr


def test_unknown_option_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", str(SEED), "--out", str(tmp_path), "--colour"])
    assert result.exit_code == 2


def test_version() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"kgbuild, version {__version__}"


def test_every_command_has_help_and_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, command in sorted(main.commands.items()):
        result = CliRunner().invoke(main, [name, "--help"])
        assert result.exit_code == 0, name
        assert (command.help or "").strip(), name
        assert f"kgbuild {name}" in readme, f"README does not document `kgbuild {name}`"


def test_public_api_names_are_the_functions_not_subpackages() -> None:
    import kgbuild.export  # noqa: F401  (importing the subpackage must not shadow the function)
    from kgbuild import build, build_dataset, export, read_articles

    assert all(callable(f) for f in (build, build_dataset, export, read_articles))
