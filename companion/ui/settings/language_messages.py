"""What the settings window says about the language Companion speaks (issue #13)."""

from __future__ import annotations

from companion.core.i18n import _

LANGUAGE = _("Language")
NEXT_START = _(
    "Companion speaks the language you choose from its next start: quit it from the tray "
    "menu and open it again whenever it suits you."
)
