"""Hypothesis profiles: ``ci`` (the default: few examples, for fast feedback), ``slow`` (100,
as every run had before the split; run by ``.ci/run`` after the README's command), ``fuzz``
(at least 100,000 examples) and ``mutation`` (few, derandomised examples: mutmut runs the
covering tests once per mutant).

Select one with ``HYPOTHESIS_PROFILE=slow python3 -m pytest -m "slow or hypothesis"``; mutmut
selects ``mutation`` through ``--hypothesis-profile`` in ``[tool.mutmut]`` of pyproject.toml.
A test that sets its own ``max_examples`` scales it from the profile's (``examples(0.5)``),
so every profile keeps the proportions between tests.
"""

import os

from hypothesis import HealthCheck, settings

# Drawing a bundle on a shared 2-core machine can take seconds: too_slow would fail a correct
# test for the machine's load, so only the examples' count and the outcome decide.
SHARED_MACHINE = [HealthCheck.too_slow]
settings.register_profile(
    "ci", deadline=None, max_examples=30, suppress_health_check=SHARED_MACHINE, print_blob=True
)
settings.register_profile(
    "slow", deadline=None, max_examples=100, suppress_health_check=SHARED_MACHINE, print_blob=True
)
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
