"""Hypothesis profiles: ``ci`` (the default, bounded), ``fuzz`` (at least 100,000 examples)
and ``mutation`` (few, derandomised examples: mutmut runs the covering tests once per mutant).

Select one with ``HYPOTHESIS_PROFILE=fuzz python3 -m pytest tests/test_fuzz.py``; mutmut
selects ``mutation`` through ``--hypothesis-profile`` in ``[tool.mutmut]`` of pyproject.toml.
"""

import os

from hypothesis import HealthCheck, settings

settings.register_profile("ci", deadline=None, print_blob=True)
settings.register_profile(
    "fuzz",
    deadline=None,
    max_examples=100_000,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
)
settings.register_profile(
    "mutation",
    deadline=None,
    max_examples=20,
    derandomize=True,  # the same examples every run: a mutant's verdict is reproducible
    database=None,  # no replay of earlier failures: they would differ between mutants
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
