"""Entry script for the frozen build: the same CLI as `python -m companion`."""

import sys

from companion.cli import main

sys.exit(main())
