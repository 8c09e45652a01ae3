"""``python -m pakru``: the same as the ``pakru`` command."""

import sys

from pakru.cli import main

sys.exit(main())
