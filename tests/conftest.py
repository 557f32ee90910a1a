"""Hypothesis profiles: ``ci`` (the default, bounded) and ``fuzz`` (at least 100,000 examples).

Select one with ``HYPOTHESIS_PROFILE=fuzz python3 -m pytest tests/test_fuzz.py``.
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
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
