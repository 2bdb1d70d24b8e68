"""Benchmarks: throughput and latency of the pipeline against real workers."""
