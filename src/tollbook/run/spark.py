"""The PySpark job: JSONL, Parquet or WARC at any path Spark reads -> Parquet claims, tallies
and documents, made by the same extraction function as the CLI, one partition at a time.

    tollbook spark s3a://bucket/cc-news/2024/*.warc.gz --input-format warc --output s3a://bucket/out
    spark-submit --master yarn "$(python -c 'import tollbook.run.spark as s; print(s.__file__)')" \\
        hdfs:///corpus/*.jsonl --input-format jsonl --id-field id --output hdfs:///tollbook/out

Input: paths or globs Spark can read (local, hdfs://, s3a://, abfss://, gs://, dbfs:/):
- `jsonl`: one JSON object per line, read by tollbook's JSONL reader (`--text-field`,
  `--id-field`, `--date-field` as in the CLI);
- `parquet`: a table whose columns are named by the same options; each row goes through the
  same reader as a JSONL line, so documents are identical;
- `warc`: `.warc`/`.warc.gz` files through `tollbook.ingest.warc` (HTML responses, status 200).
Output, under `--output` (written by Spark as part files; the schema is `tollbook.output.rows`):
- `claims/`: one row per claim, the columns of `tollbook extract` (nested fields as JSON);
- `tallies/`: one row per document and category;
- `documents/`: one row per document read, with its text and the extractor version;
- `failures/`: `source`, `message` for every input that could not be read.
`tollbook load OUTPUT --db ...` (tollbook.store.bulkload) loads claims, tallies and documents.

Extraction is `tollbook.pipeline.Pipeline.run`, the function the CLI runs; the gazetteer
loads once per Python worker process (cached loader; Spark reuses its Python workers).
Read failures are kept as rows, never raised, so one bad file does not stop the job.
"""

# Absolute imports: spark-submit runs this file as a script, outside its package.
from __future__ import annotations

import os
import sys

if __name__ == "__main__":  # run as a file: its folder (tollbook/numbers.py...) must not
    _here = os.path.dirname(os.path.abspath(__file__))  # shadow the standard library
    sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != _here]

import dataclasses
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from pyspark import StorageLevel
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql import types as T

from tollbook._exceptions import ConfigError, InputError, TollbookError
from tollbook.ingest.documents import IngestFailure, IngestOptions, failure, internal_failure
from tollbook.ingest.tables import read_jsonl
from tollbook.ingest.warc import read_warc_bytes
from tollbook.model import Document
from tollbook.output.rows import (
    CLAIM_SCHEMA,
    DOCUMENT_SCHEMA,
    TALLY_SCHEMA,
    claim_rows,
    document_row,
    tally_rows,
)
from tollbook.pipeline import Pipeline, Settings
from tollbook.run.parallel import run_safely

INPUT_FORMATS = ("jsonl", "parquet", "warc")
_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".parquet": "parquet",
             ".warc": "warc", ".warc.gz": "warc"}  # fmt: skip
_TYPES: dict[str, T.DataType] = {"string": T.StringType(), "double": T.DoubleType(),
                                 "long": T.LongType(), "boolean": T.BooleanType()}  # fmt: skip
_SHOWN_FAILURES = 20


def spark_schema(schema: tuple[tuple[str, str], ...]) -> T.StructType:
    """A Spark StructType for one of `tollbook.output.rows`' schemas."""
    return T.StructType([T.StructField(name, _TYPES[kind], True) for name, kind in schema])


#: One row per input item: the document (None for a failure), its claims and tally rows.
RESULT_SCHEMA = T.StructType([
    T.StructField("document", spark_schema(DOCUMENT_SCHEMA), True),
    T.StructField("claims", T.ArrayType(spark_schema(CLAIM_SCHEMA), False), False),
    T.StructField("tallies", T.ArrayType(spark_schema(TALLY_SCHEMA), False), False),
    T.StructField("failure_source", T.StringType(), True),
    T.StructField("failure_message", T.StringType(), True),
])  # fmt: skip


@dataclass(frozen=True, slots=True)
class SparkCounts:
    """What a job did: documents read, claims and tally rows written, inputs that failed,
    and up to 20 of the failures as (source, message)."""

    documents: int
    claims: int
    tallies: int
    failures: int
    shown_failures: tuple[tuple[str, str], ...]
    seconds: float


def _local_python() -> None:
    """Local Python workers run this interpreter (the one with tollbook), unless the user
    chose one. PySpark reads PYSPARK_PYTHON when it starts workers; its conf key is ignored
    for RDD functions, hence the environment."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)


def local_session(workers: int = 2, *, shuffle_partitions: int = 4,
                  app_name: str = "tollbook") -> SparkSession:  # fmt: skip
    """A SparkSession in local mode with `workers` cores, no UI, and Python workers running
    this interpreter (so they import the same tollbook)."""
    _local_python()
    session = (
        SparkSession.builder.master(f"local[{workers}]").appName(app_name)
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", str(shuffle_partitions))
        .getOrCreate()
    )  # fmt: skip
    session.sparkContext.setLogLevel("WARN")
    return session


def input_format_of(inputs: Sequence[str], given: str | None) -> str:
    """The input format: as given, else from the paths' common extension."""
    if given is not None:
        if given not in INPUT_FORMATS:
            raise ConfigError(
                f"unknown input format '{given}'; use one of {', '.join(INPUT_FORMATS)}"
            )
        return given
    found = set()
    for path in inputs:
        name = path.rstrip("/").lower()
        suffix = ".warc.gz" if name.endswith(".warc.gz") else PurePosixPath(name).suffix
        found.add(_SUFFIXES.get(suffix))
    if len(found) != 1 or None in found:
        raise ConfigError(
            "cannot tell the input format from the paths; pass --input-format "
            + "|".join(INPUT_FORMATS)
        )
    return str(found.pop())


# ---------------------------------------------------------------------------------------------
# Per partition (runs on the executors): input rows -> result rows


def _rows_from_records(records: Iterable[tuple[str, str]],
                       options: IngestOptions) -> Iterator[Document | IngestFailure]:  # fmt: skip
    """(file, JSON line) pairs -> Documents through the CLI's JSONL reader, one line at a time
    (Spark reads lines without their numbers, so failures name the file)."""
    for source, line in records:
        try:
            for item in read_jsonl(iter([line]), source, None, source, options):
                if isinstance(item, IngestFailure):
                    item = dataclasses.replace(item, source=source)
                yield item
        except InputError as exc:
            yield failure(exc, source)
        except Exception as exc:  # a bug must cost this line, not the job
            yield internal_failure(exc, source)


def _rows_from_warc(files: Iterable[tuple[str, bytes]]) -> Iterator[Document | IngestFailure]:
    for path, data in files:
        name = PurePosixPath(path).name
        try:
            yield from read_warc_bytes(data, path, name=name, path=path)
        except InputError as exc:
            yield failure(exc, path)
        except Exception as exc:
            yield internal_failure(exc, path)


def _results(
    items: Iterable[Document | IngestFailure], settings: Settings
) -> Iterator[tuple[Any, ...]]:
    """Documents -> result rows (see RESULT_SCHEMA); the pipeline is the CLI's."""
    pipeline = Pipeline(settings)  # cheap: the gazetteer loader is cached per process
    for item in items:
        if isinstance(item, IngestFailure):
            yield (None, [], [], item.source, item.message)
            continue
        extraction = run_safely(pipeline, item)  # a bug costs its document, not the job
        if isinstance(extraction, IngestFailure):
            yield (None, [], [], extraction.source, extraction.message)
            continue
        yield (
            _tuple(document_row(item, extraction.extractor_version), DOCUMENT_SCHEMA),
            [_tuple(r, CLAIM_SCHEMA) for r in claim_rows(extraction)],
            [_tuple(r, TALLY_SCHEMA) for r in tally_rows(extraction)],
            None, None,
        )  # fmt: skip


def _tuple(row: dict[str, Any], schema: tuple[tuple[str, str], ...]) -> tuple[Any, ...]:
    return tuple(row[name] for name, _ in schema)


def extract_records(records: Iterable[tuple[str, str]], options: IngestOptions,
                    settings: Settings) -> Iterator[tuple[Any, ...]]:  # fmt: skip
    """One partition of (file, JSON line) pairs -> result rows."""
    return _results(_rows_from_records(records, options), settings)


def extract_warc(
    files: Iterable[tuple[str, bytes]], settings: Settings
) -> Iterator[tuple[Any, ...]]:
    """One partition of (path, WARC bytes) pairs -> result rows."""
    return _results(_rows_from_warc(files), settings)


# ---------------------------------------------------------------------------------------------
# The job (runs on the driver)


def _records(spark: SparkSession, inputs: list[str], fmt: str, options: IngestOptions,
             partitions: int | None) -> Any:  # fmt: skip
    """An RDD of (file, JSON line) for JSONL or Parquet inputs."""
    if fmt == "jsonl":
        df = spark.read.text(inputs).select(F.input_file_name().alias("file"), F.col("value"))
    else:
        table = spark.read.parquet(*inputs)
        fields = [f for f in (options.text_field, options.id_field, options.date_field,
                              options.title_field, options.url_field) if f]  # fmt: skip
        missing = [f for f in fields if f not in table.columns]
        if missing:
            raise ConfigError(
                f"the Parquet input has no column {', '.join(map(repr, missing))}; use "
                f"--text-field/--id-field/--date-field with one of: {', '.join(table.columns)}"
            )
        # each row as a JSON object, read by the same reader as a JSONL line
        df = table.select(F.input_file_name().alias("file"),
                          F.to_json(F.struct(*[F.col(f) for f in dict.fromkeys(fields)]))
                          .alias("value"))  # fmt: skip
    if partitions:
        df = df.repartition(partitions)
    return df.rdd.map(lambda row: (row[0], row[1]))


def run(
    spark: SparkSession,
    inputs: Sequence[str],
    output: str,
    *,
    input_format: str | None = None,
    options: IngestOptions | None = None,
    settings: Settings | None = None,
    partitions: int | None = None,
    mode: str = "errorifexists",
) -> SparkCounts:
    """Read `inputs`, extract every document, write claims/tallies/documents/failures Parquet
    under `output`. `mode` is Spark's save mode ("errorifexists", "overwrite")."""
    started = time.perf_counter()
    fmt = input_format_of(inputs, input_format)
    options = options or IngestOptions()
    settings = settings or Settings()
    paths = list(inputs)
    try:
        if fmt == "warc":
            files = spark.sparkContext.binaryFiles(",".join(paths), minPartitions=partitions or 0)
            results = files.mapPartitions(lambda part: extract_warc(part, settings))
        else:
            records = _records(spark, paths, fmt, options, partitions)
            results = records.mapPartitions(lambda part: extract_records(part, options, settings))
        df = spark.createDataFrame(results, RESULT_SCHEMA, verifySchema=False)
        df.persist(StorageLevel.MEMORY_AND_DISK)  # extract once, write four outputs
        try:
            return _write(df, output.rstrip("/"), mode, started)
        finally:
            df.unpersist()
    except TollbookError:
        raise
    except Exception as exc:  # Py4J/Analysis errors: a path, a permission, a schema
        raise InputError(
            f"the Spark job failed: {' '.join(str(exc).split())[:500]}; check the input paths "
            "and --input-format, and that --output does not exist (or pass --overwrite)",
            source=output,
        ) from exc


def _write(df: DataFrame, output: str, mode: str, started: float) -> SparkCounts:
    docs = df.where(F.col("document").isNotNull())
    docs.select("document.*").write.mode(mode).parquet(f"{output}/documents")
    docs.select(F.explode("claims").alias("c")).select("c.*").write.mode(mode).parquet(
        f"{output}/claims")  # fmt: skip
    docs.select(F.explode("tallies").alias("t")).select("t.*").write.mode(mode).parquet(
        f"{output}/tallies")  # fmt: skip
    bad = df.where(F.col("failure_source").isNotNull()).select(
        F.col("failure_source").alias("source"), F.col("failure_message").alias("message")
    )
    bad.write.mode(mode).parquet(f"{output}/failures")
    total = df.agg(
        F.count("document").alias("documents"),
        F.sum(F.size("claims")).alias("claims"),
        F.sum(F.size("tallies")).alias("tallies"),
        F.count("failure_source").alias("failures"),
    ).collect()[0]
    shown = tuple((r["source"], r["message"]) for r in bad.limit(_SHOWN_FAILURES).collect())
    return SparkCounts(
        documents=int(total["documents"]), claims=int(total["claims"] or 0),
        tallies=int(total["tallies"] or 0), failures=int(total["failures"]),
        shown_failures=shown, seconds=time.perf_counter() - started,
    )  # fmt: skip


def session(master: str | None, app_name: str = "tollbook") -> SparkSession:
    """The session spark-submit configured, or a new one on `master` (default local[*]).

    Launched by us rather than by spark-submit, local Python workers run this interpreter,
    which has tollbook; on a cluster the executors' Python is the cluster's configuration."""
    active = SparkSession.getActiveSession()
    if active is not None and not master:
        return active
    builder = SparkSession.builder.appName(app_name)
    # spark-submit (or Databricks) started the JVM and holds the configuration
    submitted = any(v in os.environ for v in ("PYSPARK_GATEWAY_PORT", "DATABRICKS_RUNTIME_VERSION"))
    if master:
        builder = builder.master(master)
    elif not submitted:
        builder = builder.master("local[*]").config("spark.ui.enabled", "false")
    if (master or ("" if submitted else "local")).startswith("local"):
        _local_python()
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("WARN")
    return session


def summary(counts: SparkCounts, output: str) -> dict[str, Any]:
    return {"output": output, "documents": counts.documents, "claims": counts.claims,
            "tallies": counts.tallies, "failures": counts.failures,
            "seconds": round(counts.seconds, 1)}  # fmt: skip


__all__ = ["INPUT_FORMATS", "RESULT_SCHEMA", "SparkCounts", "local_session", "run", "session",
           "spark_schema", "summary"]  # fmt: skip

if __name__ == "__main__":  # spark-submit .../tollbook/spark.py ARGS
    import tollbook.cli.main  # noqa: F401  (first: it imports cli_spark at its end; circular otherwise)
    from tollbook.cli.spark import main

    main()
