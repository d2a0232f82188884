"""``python -m icsc_schedule check|show|export``: the schedule verbs without the kit's CLI."""

import sys

from icsc_schedule.cli import main

sys.exit(main())
