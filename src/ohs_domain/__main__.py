"""``python -m ohs_domain``: the ``ohs-domain`` command line."""

import sys

from ohs_domain.cli import main

if __name__ == "__main__":  # not when imported (tests import every module)
    sys.exit(main())
