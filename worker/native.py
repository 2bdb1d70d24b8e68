"""The optional compiled build of the stages: the same source, compiled to C extensions with mypyc.

The stages are typed strictly enough for mypyc to compile them unchanged; compiled, they run about 15 %
faster. Pure Python stays the reference: every test runs on it, CI runs the unit tests again on the
compiled build and checks that both give the same records. The compiled modules sit next to their
sources (Python imports an extension module before a .py of the same name), with a stamp holding the
digest of the sources they were built from: importing the stages with a stale build fails with a message
saying how to rebuild, so an edited source is never shadowed by old compiled code.

    python -m worker.native build     # or: make native (needs a C compiler and the Python headers)
    python -m worker.native clean     # back to pure Python
    python -m worker.native status
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import sys
from pathlib import Path
from typing import Literal

STAGES_DIR = Path(__file__).resolve().parent / "stages"
STAMP_NAME = "_native.sha256"
# The compiled modules share one extension library, placed inside the package it serves.
GROUP_NAME = "worker.stages._native"
# The package's __init__ stays pure Python: it is what checks that the compiled modules are current.
_KEPT_PURE = {"__init__.py"}


BuildState = Literal["pure", "current", "stale"]


class StaleNativeBuildError(ImportError):
    """Compiled stage modules that no longer match their sources."""


def compiled_sources(stages_dir: Path = STAGES_DIR) -> list[Path]:
    """The stage modules that the compiled build compiles, in a stable order."""
    return sorted(
        path
        for path in stages_dir.rglob("*.py")
        if path.name not in _KEPT_PURE and "__pycache__" not in path.parts
    )


def source_digest(stages_dir: Path = STAGES_DIR) -> str:
    """A digest of every compiled module's path and text: what a build was made from."""
    digest = hashlib.sha256()
    for path in compiled_sources(stages_dir):
        digest.update(path.relative_to(stages_dir).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def extension_files(stages_dir: Path = STAGES_DIR) -> list[Path]:
    return sorted(path for path in stages_dir.rglob("*.so") if "__pycache__" not in path.parts)


def is_compiled(module_file: str | None) -> bool:
    """Whether a module was loaded from a compiled extension (its __file__ ends in .so)."""
    return bool(module_file) and str(module_file).endswith(".so")


def build_state(stages_dir: Path = STAGES_DIR) -> BuildState:
    """Which build the stages would import: "pure" (no compiled modules), "current" (compiled from the
    sources there now) or "stale". Costs a directory walk when there are no compiled modules, and one read
    of the sources (a few ms) when there are."""
    if not extension_files(stages_dir):
        return "pure"
    stamp = stages_dir / STAMP_NAME
    built_from = stamp.read_text().strip() if stamp.is_file() else ""
    return "current" if built_from == source_digest(stages_dir) else "stale"


def ensure_current(stages_dir: Path = STAGES_DIR) -> None:
    """Raise StaleNativeBuildError when compiled modules exist but were built from other sources."""
    if build_state(stages_dir) == "stale":
        raise StaleNativeBuildError(_stale_message(stages_dir))


def _stale_message(stages_dir: Path) -> str:
    return (
        f"the compiled stage modules in {stages_dir} were built from other sources than those there now: "
        "run `make native` (python -m worker.native build) to rebuild them, or `make clean-native` "
        "(python -m worker.native clean) to run pure Python"
    )


def clean(stages_dir: Path = STAGES_DIR) -> int:
    """Remove the compiled modules, the stamp and the build's work directory (its C sources, objects and
    copies of the modules); returns how many compiled modules and stamps were removed."""
    shutil.rmtree(_build_dir(stages_dir), ignore_errors=True)
    removed = extension_files(stages_dir)
    stamp = stages_dir / STAMP_NAME
    if stamp.exists():
        removed.append(stamp)
    for path in removed:
        path.unlink()
    return len(removed)


def build(stages_dir: Path = STAGES_DIR) -> int:
    """Compile the stage modules in place with mypyc (about 1.5 min on 2 cores); returns how many modules
    were compiled."""
    try:
        from mypyc.build import mypycify
        from setuptools import setup  # type: ignore[import-untyped]
    except ImportError as error:
        raise SystemExit(
            f"newswire native: the compiled build needs mypy (mypyc) and setuptools: {error}; "
            "install them with `pip install -e '.[native]'`"
        ) from error
    root = stages_dir.parent.parent
    sources = [path.relative_to(root).as_posix() for path in compiled_sources(stages_dir)]
    clean(stages_dir)
    build_dir = _build_dir(stages_dir)
    previous = Path.cwd()
    os.chdir(root)  # mypyc names modules by their path from the working directory
    try:
        extensions = mypycify(sources, opt_level="3", group_name=GROUP_NAME, target_dir=str(build_dir / "c"))
        setup(
            name="newswire-native",
            ext_modules=extensions,
            script_args=[
                "--quiet",
                "build_ext",
                "--inplace",
                "--build-temp",
                str(build_dir / "temp"),
                "--build-lib",
                str(build_dir / "lib"),
            ],
        )
    finally:
        os.chdir(previous)
    (stages_dir / STAMP_NAME).write_text(source_digest(stages_dir) + "\n")
    return len(sources)


def _build_dir(stages_dir: Path) -> Path:
    return stages_dir.parent.parent / "build" / "native"


def status(stages_dir: Path = STAGES_DIR) -> str:
    state = build_state(stages_dir)
    if state == "pure":
        return "pure Python (no compiled stage modules; `make native` builds them)"
    if state == "stale":
        return f"STALE: {_stale_message(stages_dir)}"
    return (
        f"compiled with mypyc ({len(extension_files(stages_dir))} extension files, current with the sources)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m worker.native", description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=["build", "clean", "status"])
    parser.add_argument("--force", action="store_true", help="build again even when the build is current")
    args = parser.parse_args(argv)
    action = args.action
    if action == "build" and build_state() == "current" and not args.force:
        print(f"newswire native: nothing to do: {status()}")
    elif action == "build":
        count = build()
        print(f"newswire native: compiled {count} stage modules; {status()}")
    elif action == "clean":
        print(f"newswire native: removed {clean()} compiled files; the stages run as pure Python")
    else:
        print(f"newswire native: {status()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
