"""Benchmark harness for tuoli_gw_plugin: synthetic county-to-province loads, each case timed
side by side with what a user would otherwise run. Entry point: ``python -m benchmarks.run``
(``make bench``); ``BENCH_QUICK=1`` runs small sizes for a quick check. Not a test suite.
"""
