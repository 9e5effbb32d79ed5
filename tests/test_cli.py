"""The command line as a person uses it: summaries, exit codes, no tracebacks, nothing lost."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from factories import layers, write_geodata

from mapgen.cli import main, make_parser

ROOT = Path(__file__).resolve().parent.parent


def test_build_writes_the_map_and_prints_a_summary(geodata: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out" / "map.html"
    assert main(["build", "--geodata", str(geodata), "--output", str(out)]) == 0
    printed = capsys.readouterr().out
    size_kb = round(out.stat().st_size / 1024)
    assert printed.splitlines()[0] == f"built {out} ({size_kb} kB) from {geodata}"
    assert "3 layers, 6 features, years 1953–2025" in printed
    assert re.search(r"monuments\s+3\s+Monuments", printed)


def test_validate_checks_and_writes_nothing(geodata: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    before = sorted(p.name for p in tmp_path.rglob("*"))
    assert main(["validate", "--geodata", str(geodata)]) == 0
    assert capsys.readouterr().out.startswith(f"{geodata} is valid\n")
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


def test_a_broken_file_fails_without_traceback_and_leaves_the_output_alone(tmp_path: Path) -> None:
    docs = layers()
    docs["monuments.geojson"]["features"][0]["properties"]["start"] = "1951-13"
    folder = write_geodata(tmp_path / "geodata", docs)
    out = tmp_path / "map.html"
    out.write_bytes(b"the last good map")
    run = subprocess.run(
        [sys.executable, "-m", "mapgen", "build", "--geodata", str(folder), "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1
    assert run.stdout == ""
    assert run.stderr == (
        "mapgen: error: 1 problem in the input; nothing was written:\n"
        f'  {folder}/monuments.geojson, feature #1 (id "budapest"): "start" must be a date like 1961, '
        "1961-11 or 1961-11-10 (optionally followed by ? or ~); the month must be 01 to 12; found '1951-13'\n"
    )
    assert "Traceback" not in run.stderr
    assert out.read_bytes() == b"the last good map"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["geodata", "map.html"]


def test_missing_geodata_folder_is_a_clear_error(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["validate", "--geodata", str(tmp_path / "nope")]) == 1
    err = capsys.readouterr().err
    assert err.startswith(
        "mapgen: error: 1 problem in the input; nothing was written:\n"
        f"  {tmp_path}/nope/layers.toml: not found"
    )


def test_two_builds_are_byte_identical(geodata: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a.html", tmp_path / "b.html"
    assert main(["build", "--geodata", str(geodata), "-o", str(first)]) == 0
    assert main(["build", "--geodata", str(geodata), "-o", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()
    assert re.findall(r"map_[0-9a-f]{32}", first.read_text())[0] == "map_" + "0" * 31 + "1"


def test_committed_map_is_a_fresh_build_of_geodata(tmp_path: Path) -> None:
    fresh = tmp_path / "memory_map.html"
    assert main(["build", "--geodata", str(ROOT / "geodata"), "-o", str(fresh)]) == 0
    committed = ROOT / "output" / "memory_map.html"
    assert committed.read_bytes() == fresh.read_bytes(), (
        "run `mapgen build` and commit output/memory_map.html"
    )


def test_python_dash_m_works(geodata: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "mapgen", "validate", "--geodata", str(geodata)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert "is valid" in run.stdout


def _readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```(?:sh|bash|console)\n(.*?)```", text, flags=re.DOTALL)
    return [
        line.strip() for block in blocks for line in block.splitlines() if line.strip().startswith("mapgen ")
    ]


def test_readme_documents_commands() -> None:
    assert len(_readme_commands()) >= 4


@pytest.mark.parametrize("command", _readme_commands())
def test_every_mapgen_command_in_the_readme_parses(command: str) -> None:
    args = shlex.split(command.split("#")[0])[1:]
    make_parser().parse_args(args)


def test_stats_counts_per_layer_precision_and_year(geodata: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["stats", "--geodata", str(geodata), "--years", "1953", "1956", "2015"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:4] == [
        "layer        features  precision",
        "camps               2  (none) 2",
        "monuments           3  (none) 3",
        "renamed             1  (none) 1",
    ]
    assert lines[5:9] == [
        "active in year  1953  1956  2015",
        "camps              2     1     0",  # steplag 1948-1956, chukotka 1951-1957
        "monuments          2     1     1",  # budapest gone in 1956, gori in 2010; yalta from 2015
        "renamed            1     1     0",
    ]


def test_stats_sample_draws_the_same_features_for_the_same_seed(geodata: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    def draw(seed: str) -> list[str]:
        assert main(["stats", "--geodata", str(geodata), "--sample", "3", "--seed", seed]) == 0
        return capsys.readouterr().out.split("\n\n")

    first = draw("2060")
    assert len(first) == 3
    assert draw("2060") == first
    assert [draw(str(seed)) for seed in range(5)] != [first] * 5
    ids = [block.splitlines()[0] for block in first]
    assert len(set(ids)) == 3
    assert all(re.fullmatch(r"(camps|monuments|renamed):[\w.-]+", line) for line in ids)
    assert all(re.search(r"^  https?://", block, re.M) for block in first)


def test_stats_sample_lists_dates_precision_and_every_source(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    docs = layers()
    props = docs["renamed.geojson"]["features"][0]["properties"]
    props.update(precision="town", start="1925-04-10", end="1961-11-10?")
    props["sources"] = [
        {"title": "a", "url": "https://a.example/1"},
        {"title": "b", "url": "http://b.example/2"},
    ]
    folder = write_geodata(tmp_path / "geodata", docs)
    assert main(["stats", "--geodata", str(folder), "--sample", "99"]) == 0
    blocks = capsys.readouterr().out.split("\n\n")
    assert len(blocks) == 6  # all there are
    lines = next(b for b in blocks if b.startswith(f"renamed:{props['id']}\n")).splitlines()
    assert lines[2:] == ["  1925-04-10–1961-11-10?  town", "  https://a.example/1", "  http://b.example/2"]


def test_stats_sample_of_zero_is_refused(geodata: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["stats", "--geodata", str(geodata), "--sample", "0"]) == 1
    assert capsys.readouterr().err == "mapgen: error: --sample must be 1 or more; found 0\n"


def test_stats_precision_lists_the_features_of_that_precision_with_their_place(
    tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    docs = layers()
    monuments = docs["monuments.geojson"]["features"]
    monuments[0]["properties"].update(precision="town", place="Budapest, Hungary")
    monuments[1]["properties"].update(precision="site", place="Gori, Georgia")
    monuments[2]["properties"].update(precision="town")
    monuments[2]["properties"].pop("place", None)
    folder = write_geodata(tmp_path / "geodata", docs)
    assert main(["stats", "--geodata", str(folder), "--precision", "town"]) == 0
    name = monuments[2]["properties"]["name"]
    assert capsys.readouterr().out.splitlines() == [
        "monuments:budapest  Budapest, Hungary",
        f"monuments:yalta  {name}",
    ]


def test_stats_precision_that_no_feature_has_is_an_error(geodata: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["stats", "--geodata", str(geodata), "--precision", "street"]) == 1
    assert capsys.readouterr().err == 'mapgen: error: no feature has precision "street"\n'


def test_stats_sample_and_precision_cannot_be_combined(geodata: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as exit_info:
        main(["stats", "--geodata", str(geodata), "--sample", "3", "--precision", "town"])
    assert exit_info.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err


def test_output_into_a_closed_pipe_ends_quietly(geodata: Path) -> None:
    run = subprocess.run(
        f"{sys.executable} -m mapgen stats --geodata {shlex.quote(str(geodata))} | head -1",
        shell=True,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.stdout == "layer        features  precision\n"
    assert "Traceback" not in run.stderr
