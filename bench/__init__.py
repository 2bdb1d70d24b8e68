"""Benchmarks: throughput and latency of the pipeline against real workers."""

NAIVE_STREAM = "newswire:bench:naive"
