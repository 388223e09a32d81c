"""Entry script of the frozen bundle: the same ``main`` as the ``brevity`` command."""

import sys

from app.__main__ import main

sys.exit(main())
