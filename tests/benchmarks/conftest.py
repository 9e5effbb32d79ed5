"""The benchmark harness is run by ``python3 tests/benchmarks/run.py``, never collected by pytest.

``tests/test_benchmark_smoke.py`` runs a small version of it in the normal suite.
"""

collect_ignore_glob = ["*"]
