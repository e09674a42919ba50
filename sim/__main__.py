"""``python -m sim`` runs the ``fyp`` command line."""

import sys

from sim.cli.main import main

sys.exit(main())
