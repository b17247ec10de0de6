"""Runs Orca with its debug file line-buffered, so each sentence is in the file when said.

    orca_line_buffered.py ORCA_ARGS...

Orca opens ``--debug-file`` with Python's default buffering (/usr/bin/orca: ``open(path, 'w')``),
8 kB at a time: a sentence could wait there until Orca had more to log. Run by the system
Python, which has Orca's modules.
"""

import builtins
import runpy
import sys
from pathlib import Path

ORCA = "/usr/bin/orca"
_open = builtins.open


def _line_buffered(file, mode="r", *args, **kwargs):
    if mode == "w" and not args and "buffering" not in kwargs:
        kwargs["buffering"] = 1
    return _open(file, mode, *args, **kwargs)


builtins.open = _line_buffered
sys.path.remove(str(Path(__file__).parent))  # Orca's own modules, not the tests'
sys.argv = [ORCA, *sys.argv[1:]]
runpy.run_path(ORCA, run_name="__main__")
