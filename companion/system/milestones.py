"""One neutral hook: the app names the moments it reaches, and a listener hears them if asked.

Off by default. With ``COMPANION_MILESTONES=<module>`` in the environment (bench/ and the
end-to-end tests name ``bench.trace``, which writes each moment to a file with its time), each
milestone is handed to that module's ``milestone(name, subject, fields)``. Without it nothing
is imported and a milestone costs one environment lookup. A module that can't be imported
(the packaged build ships no bench/) is logged once and never asked again.
"""

from __future__ import annotations

import functools
import importlib
import logging
import os
from collections.abc import Callable, Mapping

ENV = "COMPANION_MILESTONES"

#: ``milestone(name, subject, fields)`` of the module ENV names.
Listener = Callable[[str, object, Mapping[str, object]], None]

log = logging.getLogger(__name__)


def reached(name: str, subject: object = None, **fields: object) -> None:
    """Tell the listener, if one was asked for, that the app has reached ``name``.

    ``subject`` is what the moment is about (the break window just built), for a listener
    that watches it further; ``fields`` are figures it may record (frames painted so far).
    """
    module = os.environ.get(ENV)
    if not module:
        return
    listener = _listener(module)
    if listener is not None:
        listener(name, subject, fields)


@functools.cache
def _listener(module: str) -> Listener | None:
    try:
        loaded = importlib.import_module(module)
    except ImportError as error:
        log.info("milestones go nowhere: %s can't be imported here (%s)", module, error)
        return None
    listener: Listener = loaded.milestone
    return listener
