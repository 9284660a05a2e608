"""Robustness bench: bad inputs per class -> how many were tried and how many were handled
(read correctly, or refused with a one-line error naming the file), big-input memory, and
the fuzzers' run counts (atheris over ingest, hypothesis properties) with their crashes.

    .venv/bin/python bench/robustness.py [--seconds 60] [--big-mb 100] [--no-hypothesis]
                                         [--no-hostile]

The hostile-use rows (special files, symlinks, bombs, damaged stores, the web under attack,
slow clients) come from bench/hostile.py.

"Handled" means: reading never raised, every failure is one line that starts with the
file's path and is not an internal error, and a case expected to be read yields its text.
Exit status 1 when anything was not handled or a fuzzer crashed.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import re
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BAD = ROOT / "tests" / "fixtures" / "bad"
SENTENCE = "Eleven people were killed in Port Castellan on Monday, officials said."

Case = tuple[str, bytes, str | None]  # file name, content, text it must yield (None: any)


def _classes() -> dict[str, list[str]]:
    """Fixture names of tests/fixtures/bad by class of bad input."""
    by_class: dict[str, list[str]] = {}
    rules = [("empty", r"^(empty|whitespace)"), ("binary named as text", r"_named\."),
             ("encodings", r"^(cp12|utf16|damaged)"), ("HTML", r"\.html$"),
             ("feeds (entities, XXE)", r"\.(rss|xml)$"), ("PDF", r"\.pdf$"),
             ("tables (CSV/JSONL)", r"\.(csv|jsonl)$")]  # fmt: skip
    for name in sorted(json.loads((BAD / "EXPECTED.json").read_text("utf-8"))):
        label = next(label for label, rx in rules if re.search(rx, name))
        by_class.setdefault(label, []).append(name)
    return by_class


def _fixture_cases() -> dict[str, list[Case]]:
    expected = json.loads((BAD / "EXPECTED.json").read_text("utf-8"))
    out: dict[str, list[Case]] = {}
    for label, names in _classes().items():
        out[label] = [(n, (BAD / n).read_bytes(), expected[n].get("read")) for n in names]
    return out


def _good_pdf() -> bytes:
    return (BAD / "pdf_named.txt").read_bytes()  # a well-formed one-page PDF


def _generated_cases(seed: int = 8) -> dict[str, list[Case]]:
    """More cases per class, generated: every cut of a PDF, byte flips of every format,
    more legacy encodings, deeper nesting."""
    rng = random.Random(seed)
    pdf = _good_pdf()
    out: dict[str, list[Case]] = {
        "PDF": [(f"cut{k}.pdf", pdf[: len(pdf) * k // 20], None) for k in range(1, 20)],
        "encodings": [
            (f"{enc}.txt", text.encode(enc), text)
            for enc, text in [
                ("cp1250", "Dvanáct lidí zahynulo v Příštině, řekli úředníci. " * 4),
                ("koi8_r", "Двенадцать человек погибли, сообщили власти. " * 4),
                ("cp1253", "Δώδεκα άνθρωποι σκοτώθηκαν, είπαν οι αρχές. " * 4),
                ("utf-16-be", SENTENCE),
                ("utf-32", SENTENCE),
            ]
        ],
        "HTML": [
            (f"deep{d}.html", b"<div>" * d + SENTENCE.encode() + b"</div>" * d, None)
            for d in (10, 255, 256, 1000, 50_000)
        ],  # fmt: skip
        "tables (CSV/JSONL)": [
            ("nul.csv", b"text\nok\nbad\x00row\n", None),
            ("huge_field.csv", b'text\n"' + b"x" * 200_000 + b'"\nnext\n', None),
            ("only_header.csv", b"text\n", None),
            ("bigint.jsonl", b'{"text": ' + b"9" * 5000 + b"}\n", None),
        ],
    }
    if _has_warc():
        out["WARC (broken headers)"] = _warc_cases()
    mutants: list[Case] = []
    sources = [(n, (BAD / n).read_bytes()) for n in ("malformed.html", "external_dtd.rss",
                                                      "ragged.csv", "bad_lines.jsonl")]  # fmt: skip
    sources.append(("good.pdf", pdf))
    for name, data in sources:
        for k in range(20):
            mutated = bytearray(data)
            for _ in range(1 + k % 5):
                mutated[rng.randrange(len(mutated))] = rng.randrange(256)
            stem, ext = name.rsplit(".", 1)
            mutants.append((f"{stem}-flip{k}.{ext}", bytes(mutated), None))
    out["byte flips of good files"] = mutants
    return out


def _has_warc() -> bool:
    from tollbook.ingest.sources import FORMATS

    return "warc" in FORMATS


def _warc(gzip: bool, pages: int = 3) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzip)
    for i in range(pages):
        body = f"<html><body><p>{SENTENCE} Report {i}.</p></body></html>".encode()
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                protocol="HTTP/1.1")  # fmt: skip
        record = writer.create_warc_record(f"https://news.example/{i}", "response",
                                           payload=io.BytesIO(body), http_headers=http)  # fmt: skip
        writer.write_record(record)
    return out.getvalue()


def _warc_cases() -> list[Case]:
    """Broken WARC headers and framing, plain and gzipped; none may escape as a crash."""
    plain, packed = _warc(False), _warc(True)
    cases: list[Case] = [("good.warc", plain, SENTENCE), ("good.warc.gz", packed, SENTENCE)]
    edits = {
        "bad_version": (b"WARC/1.0", b"WARC/9.Z"),
        "no_length": (b"Content-Length", b"Content-Lxngth"),
        "negative_length": (b"Content-Length: ", b"Content-Length: -"),
        "huge_length": (b"Content-Length: ", b"Content-Length: 99999999"),
        "bad_type": (b"WARC-Type: response", b"WARC-Type: \x00\xff"),
        "no_blank_line": (b"\r\n\r\nHTTP/1.1", b"\r\nHTTP/1.1"),
        "bad_http_status": (b"HTTP/1.1 200 OK", b"HTTP/1.1 2x0 OK"),
    }
    for name, (old, new) in edits.items():
        cases.append((f"{name}.warc", plain.replace(old, new, 1), None))
    for k in (5, 10, 50, 90):
        cases.append((f"cut{k}.warc", plain[: len(plain) * k // 100], None))
        cases.append((f"cut{k}.warc.gz", packed[: len(packed) * k // 100], None))
    cases.append(("garbage_between.warc", plain + b"junk\r\n" * 50 + plain, SENTENCE))
    cases.append(("not_gzip.warc.gz", b"\x1f\x8b" + bytes(range(256)), None))
    cases.append(("empty.warc", b"", None))
    return cases


def _handled(path: Path, must_read: str | None) -> tuple[bool, str]:
    from tollbook.ingest.sources import INTERNAL_ERROR, IngestFailure, read_sources

    try:
        items = list(read_sources([path]))
    except BaseException as exc:
        return False, f"raised {type(exc).__name__}: {exc}"
    for item in items:
        if isinstance(item, IngestFailure):
            clear = item.source.startswith(str(path)) and "\n" not in item.message
            if not clear or INTERNAL_ERROR in item.message:
                return False, item.message
    if must_read is not None:
        texts = [i.text for i in items if not isinstance(i, IngestFailure)]
        if not any(must_read in t for t in texts):
            return False, f"not read correctly: {texts[:1]!r:.100}"
    return True, ""


def run_cases(tmp: Path) -> tuple[list[tuple[str, int, int]], list[str]]:
    rows: dict[str, list[int]] = {}
    problems: list[str] = []
    cases = _fixture_cases()
    for label, extra in _generated_cases().items():
        cases.setdefault(label, []).extend(extra)
    for label, items in cases.items():
        folder = tmp / re.sub(r"\W+", "_", label)
        folder.mkdir()
        for name, data, must_read in items:
            path = folder / name
            path.write_bytes(data)
            ok, why = _handled(path, must_read)
            tried_ok = rows.setdefault(label, [0, 0])
            tried_ok[0] += 1
            tried_ok[1] += ok
            if not ok:
                problems.append(f"{label}: {name}: {why}")
    return [(label, t, h) for label, (t, h) in rows.items()], problems


def _write_repeated(path: Path, unit: bytes, size: int, head: bytes = b"") -> int:
    with path.open("wb") as f:
        f.write(head)
        block = unit * max(1, (1 << 20) // len(unit))
        for _ in range(0, size, len(block)):
            f.write(block)
    return path.stat().st_size


def _peak(fn: Callable[[], int]) -> tuple[int, float, int]:
    tracemalloc.start()
    started = time.perf_counter()
    n = fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return n, time.perf_counter() - started, peak


def run_big(tmp: Path, big_mb: int, line_mb: int, extract_kb: int) -> list[str]:
    from tollbook.ingest.sources import IngestOptions, read_path
    from tollbook.pipeline import Pipeline, Settings

    def count(path: Path, fmt: str) -> Callable[[], int]:
        return lambda: sum(1 for _ in read_path(path, IngestOptions(format=fmt)))

    lines = []
    article = json.dumps({"text": " ".join([SENTENCE] * 110)}) + "\n"
    for name, unit, fmt, line in (
        (f"{big_mb} MB text, one document", (SENTENCE + "\n").encode(), "text", False),
        (f"{line_mb} MB single line", (SENTENCE[:-1] + " and ").encode(), "text", True),
        (f"{big_mb} MB JSONL, streamed", article.encode(), "jsonl", False),
    ):
        path = tmp / f"big-{fmt}-{line}"
        size = _write_repeated(path, unit, (line_mb if line else big_mb) << 20)
        n, seconds, peak = _peak(count(path, fmt))
        lines.append(f"  {name}: {n} document(s) in {seconds:.1f} s, peak traced memory "
                     f"{peak / 2**20:.0f} MB = {peak / size:.2f} x its size")  # fmt: skip
        path.unlink()
    filler = "and the convoy moved slowly along the coast road past the harbour walls "
    text = SENTENCE[:-1] + " " + filler * ((extract_kb << 10) // len(filler)) + "and nine wounded."
    from tollbook.ingest.sources import document_from_text

    started = time.perf_counter()
    ex = Pipeline(Settings(gazetteer=False)).run(document_from_text(text))
    seconds = time.perf_counter() - started
    lines.append(f"  extraction of a {extract_kb} KB line, no sentence break: {len(ex.claims)} claims "
                 f"in {seconds:.1f} s ({len(text) / 1024 / seconds:.0f} KB/s)")  # fmt: skip
    return lines


# --- fuzzers ----------------------------------------------------------------------------------


def atheris_child(seconds: int) -> None:
    """Runs under libFuzzer; a crash is any escaping exception or an internal-error failure."""
    import atheris

    with atheris.instrument_imports():
        from tollbook.ingest import documents, formats, tables  # noqa: F401
        from tollbook.ingest import sources as ingest

    choices = [None, *ingest.FORMATS]

    def target(data: bytes) -> None:
        fdp = atheris.FuzzedDataProvider(data)
        fmt = choices[fdp.ConsumeIntInRange(0, len(choices) - 1)]
        if fdp.ConsumeBool():
            documents.document_from_text(fdp.ConsumeUnicodeNoSurrogates(4096))
            return
        payload = fdp.ConsumeBytes(fdp.remaining_bytes())
        options = ingest.IngestOptions(format=fmt)
        for item in ingest.read_bytes(payload, source="fuzz", options=options):
            if isinstance(item, ingest.IngestFailure) and ingest.INTERNAL_ERROR in item.message:
                raise RuntimeError(item.message)

    atheris.Setup([sys.argv[0], f"-max_total_time={seconds}", "-rss_limit_mb=4096",
                   "-max_len=65536", "-print_final_stats=1"], target)  # fmt: skip
    atheris.Fuzz()


def run_atheris(seconds: int) -> tuple[int, int, str]:
    """(runs, crashes, last lines) of an atheris run of `seconds` in a child process."""
    proc = subprocess.run(
        [sys.executable, __file__, "--atheris-child", str(seconds)],
        capture_output=True, text=True, timeout=seconds + 300, cwd=ROOT,
    )  # fmt: skip
    log = proc.stderr
    runs = re.findall(r"Done (\d+) runs", log) or re.findall(r"#(\d+)\s", log)
    crashes = 0 if proc.returncode == 0 else 1
    return int(runs[-1]) if runs else 0, crashes, "\n".join(log.strip().splitlines()[-8:])


def run_hypothesis() -> tuple[list[tuple[str, int, int]], int]:
    """Per property test: passing and failing examples; and pytest's exit status."""
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         "--hypothesis-show-statistics", "tests/test_properties.py",
         "tests/test_ingest_robustness.py", "-k", "properties or random"],
        capture_output=True, text=True, cwd=ROOT, timeout=900,
    )  # fmt: skip
    rows = []
    for block in re.split(r"\n(?=tests/\S+::)", proc.stdout):
        name = re.match(r"tests/\S+::(\S+):", block)
        counts = re.findall(r"(\d+) passing, (\d+) failing", block)
        if name and counts:
            rows.append((name[1], sum(int(p) for p, _ in counts), sum(int(f) for _, f in counts)))
    return rows, proc.returncode


def _table(rows: list[tuple[str, int, int]], heads: tuple[str, str, str]) -> Iterator[str]:
    width = max([len(heads[0])] + [len(r[0]) for r in rows])
    yield f"  {heads[0]:<{width}}  {heads[1]:>6}  {heads[2]:>7}"
    for label, a, b in rows:
        yield f"  {label:<{width}}  {a:>6}  {b:>7}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=60, help="atheris time (0: skip)")
    parser.add_argument("--big-mb", type=int, default=100, help="size of the big inputs")
    parser.add_argument("--line-mb", type=int, default=5, help="length of the single line")
    parser.add_argument("--extract-kb", type=int, default=256, help="line length to extract")
    parser.add_argument("--no-hypothesis", action="store_true", help="skip the properties")
    parser.add_argument("--no-hostile", action="store_true", help="skip bench/hostile.py")
    parser.add_argument("--atheris-child", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.atheris_child is not None:
        atheris_child(args.atheris_child)
        return 0
    import logging

    logging.disable(logging.WARNING)  # the bench counts outcomes; warnings would drown them
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        rows, problems = run_cases(Path(tmp))
        print("Bad inputs (tried / handled: read correctly or a clear one-line error):")
        print("\n".join(_table(rows, ("class", "tried", "handled"))))
        total, handled = sum(r[1] for r in rows), sum(r[2] for r in rows)
        print(f"  all: {handled} of {total} handled")
        for p in problems:
            print(f"  NOT HANDLED {p}")
        failed |= bool(problems)
        if not args.no_hostile:
            from hostile import hostile_rows  # bench/hostile.py: issue 22's classes

            hrows, hproblems, notes = hostile_rows()
            print("\nHostile use (tried / handled):")
            print("\n".join(_table(hrows, ("class", "tried", "handled"))))
            for line in [*(f"  NOT HANDLED {p}" for p in hproblems), *(f"  {n}" for n in notes)]:
                print(line)
            failed |= bool(hproblems)
        print("\nBig inputs:")
        print("\n".join(run_big(Path(tmp), args.big_mb, args.line_mb, args.extract_kb)))
    if not args.no_hypothesis:
        hyp, status = run_hypothesis()
        print("\nHypothesis properties (derandomized):")
        print("\n".join(_table(hyp, ("property", "passed", "failed"))))
        failed |= status != 0
    if args.seconds > 0:
        runs, crashes, tail = run_atheris(args.seconds)
        print(f"\nAtheris over ingest (read_bytes, document_from_text) for {args.seconds} s: "
              f"{runs} runs, {crashes} crashes")  # fmt: skip
        if crashes:
            print(tail)
        failed |= bool(crashes)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
