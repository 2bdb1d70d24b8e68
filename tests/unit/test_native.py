"""The compiled build's bookkeeping: which sources it compiles, and refusing a build older than its sources."""

from __future__ import annotations

from pathlib import Path

import pytest

from worker import native, native_outputs


def _stages(tmp_path: Path) -> Path:
    stages = tmp_path / "worker" / "stages"
    (stages / "enrich").mkdir(parents=True)
    (stages / "__init__.py").write_text('"""package"""\n')
    (stages / "parse.py").write_text("def parse() -> int:\n    return 1\n")
    (stages / "enrich" / "__init__.py").write_text("")
    (stages / "enrich" / "dates.py").write_text("X = 1\n")
    return stages


def _fake_build(stages: Path) -> None:
    """What a build leaves behind: extension files and the stamp of the sources."""
    (stages / "parse.cpython-311-x86_64-linux-gnu.so").write_bytes(b"\x7fELF")
    (stages / native.STAMP_NAME).write_text(native.source_digest(stages) + "\n")


def test_package_inits_stay_pure_python(tmp_path: Path) -> None:
    stages = _stages(tmp_path)
    names = [path.relative_to(stages).as_posix() for path in native.compiled_sources(stages)]
    assert names == ["enrich/dates.py", "parse.py"]


def test_pure_python_needs_no_stamp(tmp_path: Path) -> None:
    stages = _stages(tmp_path)
    native.ensure_current(stages)  # no extension files: nothing to check
    assert native.status(stages).startswith("pure Python")


def test_a_current_build_is_accepted(tmp_path: Path) -> None:
    stages = _stages(tmp_path)
    _fake_build(stages)
    native.ensure_current(stages)
    assert native.status(stages).startswith("compiled with mypyc")


@pytest.mark.parametrize(
    ("changed", "text"),
    [("enrich/dates.py", "X = 2\n"), ("enrich/quotes.py", "Y = 1\n")],
    ids=["edited", "added"],
)
def test_a_changed_or_added_module_makes_the_build_stale(tmp_path: Path, changed: str, text: str) -> None:
    stages = _stages(tmp_path)
    _fake_build(stages)
    (stages / changed).write_text(text)
    with pytest.raises(native.StaleNativeBuildError, match="make native"):
        native.ensure_current(stages)
    assert native.status(stages).startswith("STALE")
    assert native.build_state(stages) == "stale"


def test_extension_files_without_a_stamp_are_refused(tmp_path: Path) -> None:
    stages = _stages(tmp_path)
    _fake_build(stages)
    (stages / native.STAMP_NAME).unlink()
    with pytest.raises(native.StaleNativeBuildError, match="clean-native"):
        native.ensure_current(stages)


def test_clean_removes_the_build_and_leaves_the_sources(tmp_path: Path) -> None:
    stages = _stages(tmp_path)
    _fake_build(stages)
    assert native.clean(stages) == 2
    assert native.extension_files(stages) == []
    assert not (stages / native.STAMP_NAME).exists()
    assert (stages / "parse.py").is_file()
    native.ensure_current(stages)


def test_is_compiled_reads_the_module_file() -> None:
    assert native.is_compiled("/x/worker/stages/parse.cpython-311-x86_64-linux-gnu.so")
    assert not native.is_compiled("/x/worker/stages/parse.py")
    assert not native.is_compiled(None)


def test_output_digests_are_stable_and_list_every_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "article.txt"
    article.write_text(
        "date 2019-12-16\n\nChina and Russia proposed on Monday to ease sanctions on North Korea.\n"
    )
    (tmp_path / "other.txt").write_text("The United Nations Security Council met in New York on Thursday.\n")
    assert native_outputs.main([str(tmp_path)]) == 0
    first = capsys.readouterr().out.splitlines()
    native_outputs.main([str(tmp_path)])
    assert capsys.readouterr().out.splitlines() == first
    assert len(first) == 2
    assert all(len(line.split(" ")[1]) == 64 for line in first)
    assert first[0] != first[1]
