"""``python -m sim`` runs the ``fyp`` command line."""

import sys

from .cli import main

sys.exit(main())
