"""Running at scale: Document* -> Extraction* in a process pool or a PySpark job.
"""
