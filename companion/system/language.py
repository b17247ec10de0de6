"""Which language Companion speaks: the desktop's, unless the agent or IT chose one.

Installed once, at the top of the command line's ``main`` (companion.cli), before any module
whose constants are sentences is imported (companion.core.i18n says why).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from companion.core.i18n import DOMAIN, SOURCE_LANGUAGE, install
from companion.system.resources import resources_dir

#: Set by tests and by people trying a language: wins over everything else.
LANGUAGE_VARIABLE = "COMPANION_LANGUAGE"


def desktop_languages(
    environ: Mapping[str, str] | None = None, platform: str = sys.platform
) -> list[str]:
    """The desktop's languages, most wanted first.

    Linux and the BSDs: gettext's own order (LANGUAGE, a list, then LC_ALL, LC_MESSAGES,
    LANG). Windows and macOS: the languages the agent set for the system's own texts, as Qt
    reads them.
    """
    environ = os.environ if environ is None else environ
    if platform in ("win32", "darwin"):
        from PySide6.QtCore import QLocale

        return [tag.replace("-", "_") for tag in QLocale.system().uiLanguages()]
    found = [tag for tag in environ.get("LANGUAGE", "").split(":") if tag]
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if environ.get(name):
            found.append(environ[name])
            break
    return found


def chosen_languages(
    desktop: Sequence[str], *, setting: str | None = None, policy: str | None = None
) -> list[str]:
    """IT's choice, then the agent's, then the desktop's (None or "" for "not chosen").

    ``setting`` is usually already the policy's verdict (``chosen_language``).
    """
    return [tag for tag in (policy, setting) if tag] + list(desktop)


def install_language(environ: Mapping[str, str] | None = None) -> str:
    """Install the translation; returns the language chosen ("en" when none has a catalog).

    ``COMPANION_LANGUAGE``, else IT's locked language, the agent's own, IT's starting value,
    then the desktop's languages.
    """
    environ = os.environ if environ is None else environ
    forced = environ.get(LANGUAGE_VARIABLE)
    wanted = (
        [forced]
        if forced
        else chosen_languages(desktop_languages(environ), setting=chosen_language(environ))
    )
    return install(wanted, resources_dir() / "locale")


def chosen_language(environ: Mapping[str, str]) -> str | None:
    """The ``language`` setting under IT's policy (a lock wins over the agent's choice, which
    wins over IT's starting value); None: follow the desktop.

    Read before anything else loads, like ``login_start_wanted``: a broken policy or settings
    file is reported by the running app, in the agent's language, not here.
    """
    import logging

    from companion.core.policy import apply_policy
    from companion.system.paths import data_dir, settings_path
    from companion.system.policy_file import load_policy
    from companion.system.settings_file import load_settings_mapping

    # No log file yet: without a handler Python would print the policy's warnings here.
    logging.getLogger("companion").addHandler(logging.NullHandler())
    policy, _problems = load_policy(environ)
    user, _warnings = load_settings_mapping(settings_path(data_dir(environ)))
    return apply_policy(user, policy)[0].language


def available_languages(locale_dir: Path | None = None) -> list[str]:
    """English and every language with a compiled catalog ("es", "pt_BR"): what the agent can
    choose in Settings. A .po not compiled yet (a checkout before `make`) is not offered."""
    folder = resources_dir() / "locale" if locale_dir is None else locale_dir
    found = sorted(path.parent.parent.name for path in folder.glob(f"*/LC_MESSAGES/{DOMAIN}.mo"))
    return [SOURCE_LANGUAGE, *(tag for tag in found if tag != SOURCE_LANGUAGE)]
