"""``python -m icsc_kit`` is the ``icsc`` command."""

import sys

from icsc_kit.cli import main

sys.exit(main())
