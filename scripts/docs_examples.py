"""Executable documentation: README.md and docs/*.md -> the same files with every example's
output as the code prints it today, or (--check) the list of examples whose output differs.

- A ```console block's commands (`$ tollbook ...`; a line ending in `\\` continues) run as
  written, in order, each in its own shell, in one fresh temporary directory per Markdown file
  that links the repository's top-level folders (so `src/tollbook/demo/...` resolves and
  `conflict.db` is created there, for the file's later commands). The lines under a command are
  its standard output, leading and trailing blank lines and trailing spaces removed.
- Output whose last line is `...` is declared truncated: its first N lines are kept, N as
  written, and `...` stays when the command printed more than N lines.
- A ```python block runs as one program in the same directory; an expression statement with a
  result comment (`x   # 14.0`, or a comment line right under it) gets the value's repr there.
- A block right under `<!-- docs: not run: REASON -->` is left as written (servers, clusters,
  PostgreSQL); other blocks are not read.

    python scripts/docs_examples.py            # regenerate README.md and docs/*.md (make docs)
    python scripts/docs_examples.py --check    # list what differs, exit 1 (tests/test_docs.py)
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import difflib
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import tokenize
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FENCE = re.compile(r"^```(?P<lang>[\w-]*)\s*$")
NOT_RUN = re.compile(r"^<!--\s*docs:\s*not run:\s*(?P<why>\S.*?)\s*-->\s*$")
MORE = "..."
TIMEOUT = 600  # seconds per command: the demo ingests five files with the gazetteer


class DocsError(Exception):
    """An example could not be run: names the file, the line and what to do."""


@dataclass(frozen=True)
class Block:
    lang: str
    start: int  # index of the first line inside the fence
    end: int  # index of the closing fence
    not_run: str | None  # the declared reason, when the block is not run


def default_files(root: Path = ROOT) -> list[Path]:
    return [root / "README.md", *sorted((root / "docs").glob("*.md"))]


def find_blocks(lines: list[str], name: str) -> list[Block]:
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if m is None or not m.group("lang"):
            i += 1
            continue
        close = next((j for j in range(i + 1, len(lines)) if lines[j].rstrip() == "```"), None)
        if close is None:
            raise DocsError(f"{name}:{i + 1}: a ```{m.group('lang')} block is never closed; add its closing fence")
        why = NOT_RUN.match(lines[i - 1]) if i > 0 else None
        blocks.append(Block(m.group("lang"), i + 1, close, why.group("why") if why else None))
        i = close + 1
    return blocks


@dataclass
class Command:
    line: int  # index of its first line in the file
    text: list[str]  # as written, "$ " included
    output: list[str]

    @property
    def shell(self) -> str:
        return "\n".join(self.text)[2:]


def parse_console(lines: list[str], block: Block, name: str) -> list[Command]:
    commands: list[Command] = []
    i = block.start
    while i < block.end:
        line = lines[i]
        if line.startswith("$ "):
            cmd = Command(i, [line], [])
            while cmd.text[-1].endswith("\\") and i + 1 < block.end:
                i += 1
                cmd.text.append(lines[i])
            if not cmd.shell.startswith("tollbook "):
                raise DocsError(f"{name}:{i + 1}: only `$ tollbook ...` commands are run; mark the block "
                                "`<!-- docs: not run: REASON -->` if it shows other commands")
            commands.append(cmd)
        elif commands:
            commands[-1].output.append(line)
        elif line.strip():
            raise DocsError(f"{name}:{i + 1}: output before any `$ ` command in a console block")
        i += 1
    return commands


def _tidy(lines: list[str]) -> list[str]:
    out = [line.rstrip() for line in lines]
    while out and not out[0]:
        out.pop(0)
    while out and not out[-1]:
        out.pop()
    return out


def _shown(printed: list[str], written: list[str]) -> list[str]:
    """What the document shows of `printed`, given its declared truncation in `written`."""
    written = _tidy(written)
    if written and written[-1] == MORE:
        keep = len(written) - 1
        return printed[:keep] + ([MORE] if len(printed) > keep else [])
    return printed


class Runner:
    """Runs one Markdown file's examples in its own temporary directory."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._tmp = tempfile.TemporaryDirectory(prefix="tollbook-docs-")
        self.cwd = Path(self._tmp.name)
        # The repository's folders only: a conflict.db of the user's own at the root must not be
        # the one the examples write to.
        for entry in ROOT.iterdir():
            if entry.is_dir() and not entry.name.startswith((".", "_")) and entry.name != "artifacts" \
                    and not entry.name.endswith(".egg-info"):  # fmt: skip
                (self.cwd / entry.name).symlink_to(entry)
        env = {k: v for k, v in os.environ.items() if not k.startswith("TOLLBOOK_")}
        env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT / "src"), env.get("PYTHONPATH")) if p)
        env["TZ"] = "UTC"
        self.env = env

    def close(self) -> None:
        self._tmp.cleanup()

    def run(self, args: list[str], where: int, stdin: str | None = None) -> str:
        done = subprocess.run(args, cwd=self.cwd, env=self.env, input=stdin, capture_output=True,
                              text=True, timeout=TIMEOUT, check=False)  # fmt: skip
        if done.returncode != 0:
            raise DocsError(f"{self.name}:{where + 1}: `{' '.join(args[-1:])[:200]}` exited "
                            f"{done.returncode}:\n{done.stderr.strip()[-2000:]}")
        return done.stdout

    def console(self, lines: list[str], block: Block) -> list[str]:
        body: list[str] = []
        for cmd in parse_console(lines, block, self.name):
            printed = _tidy(self.run(["bash", "-c", cmd.shell], cmd.line).split("\n"))
            body += cmd.text + _shown(printed, cmd.output)
        return body

    def python(self, lines: list[str], block: Block) -> list[str]:
        body = lines[block.start : block.end]
        results = json.loads(self.run([sys.executable, str(Path(__file__).resolve()), "--run-python"],
                                      block.start, stdin="\n".join(body)))  # fmt: skip
        out = list(body)
        for key, value in results.items():
            at, trailing = int(key), bool(value["trailing"])
            line = out[at]
            if trailing:
                out[at] = line[: value["col"]] + "# " + value["repr"]
            else:
                out[at] = line[: len(line) - len(line.lstrip())] + "# " + value["repr"]
        return out


def _result_comments(source: str) -> dict[int, tuple[int, bool]]:
    """For each line (0-based) holding a comment: (its column, whether code precedes it)."""
    comments: dict[int, tuple[int, bool]] = {}
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type == tokenize.COMMENT:
            row, col = tok.start
            comments[row - 1] = (col, bool(tok.line[:col].strip()))
    return comments


def run_python(source: str) -> dict[str, dict[str, object]]:
    """Run `source`; the repr of each expression statement that has a result comment, keyed by
    the comment's line (0-based)."""
    tree = ast.parse(source)
    comments = _result_comments(source)
    namespace: dict[str, object] = {"__name__": "__docs__"}
    out: dict[str, dict[str, object]] = {}
    for stmt in tree.body:
        last = (stmt.end_lineno or stmt.lineno) - 1
        target = None
        if last in comments and comments[last][1]:
            target = (last, comments[last][0], True)
        elif last + 1 in comments and not comments[last + 1][1]:
            target = (last + 1, comments[last + 1][0], False)
        if not isinstance(stmt, ast.Expr) or target is None:
            exec(compile(ast.Module([stmt], []), "<docs>", "exec"), namespace)
            continue
        value = eval(compile(ast.Expression(stmt.value), "<docs>", "eval"), namespace)
        out[str(target[0])] = {"repr": repr(value), "col": target[1], "trailing": target[2]}
    return out


def regenerate(path: Path) -> tuple[str, str]:
    """(the file as written, the file as the examples print today)."""
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    name = str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)
    blocks = [b for b in find_blocks(lines, name) if b.lang in ("console", "python") and b.not_run is None]
    if not blocks:
        return text, text
    runner = Runner(name)
    try:
        out: list[str] = []
        pos = 0
        for block in blocks:
            out += lines[pos : block.start]
            out += runner.console(lines, block) if block.lang == "console" else runner.python(lines, block)
            pos = block.end
        out += lines[pos:]
    finally:
        runner.close()
    return text, "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("files", nargs="*", type=Path, help="Markdown files (default: README.md docs/*.md)")
    ap.add_argument("--check", action="store_true", help="change nothing; list differences, exit 1 if any")
    ap.add_argument("--run-python", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.run_python:
        source, real_stdout = sys.stdin.read(), sys.stdout
        with contextlib.redirect_stdout(io.StringIO()):  # what the example prints is not a result
            results = run_python(source)
        print(json.dumps(results), file=real_stdout)
        return 0
    stale = []
    for path in args.files or default_files():
        try:
            old, new = regenerate(path.resolve())
        except DocsError as e:
            print(f"error: {e}", file=sys.stderr)
            return 2
        if old == new:
            continue
        stale.append(path)
        if args.check:
            diff = difflib.unified_diff(old.split("\n"), new.split("\n"), f"{path} (as written)",
                                        f"{path} (as run today)", lineterm="", n=1)  # fmt: skip
            print("\n".join(list(diff)[:80]))
        else:
            path.write_text(new, encoding="utf-8")
            print(f"regenerated {path}", file=sys.stderr)
    if args.check and stale:
        print(f"\n{len(stale)} file(s) show output the commands no longer print; regenerate them with "
              "`make docs` (python scripts/docs_examples.py) and review the diff", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
