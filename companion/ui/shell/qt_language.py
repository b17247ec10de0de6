"""Qt's own words and the layout's direction in Companion's language (issue #13).

Qt's standard buttons and dialogs ("Cancel", "Yes", the file dialog) are translated by Qt's own
catalogs, qtbase_<language>.qm, which PySide6 ships (and the frozen build carries for the
languages Companion speaks). Arabic, Hebrew and the other right-to-left languages mirror every
layout, with or without a catalog of Companion's: a layout that reads right to left is right
for those agents even while the sentences are still English.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QGuiApplication

from companion.core.i18n import is_right_to_left, normalize

log = logging.getLogger(__name__)

#: Qt's catalogs that hold the words of the widgets Companion uses (qtbase: buttons, dialogs).
QT_CATALOGS = ("qtbase",)


def apply_language(app: QCoreApplication, spoken: str, layout: str) -> list[QTranslator]:
    """Qt's words in ``spoken`` ("es", "pt_BR"), layouts in ``layout``'s direction.

    The two differ only where no catalog of Companion's exists ("ar": English sentences, so
    English buttons, in mirrored layouts). Returns the translators installed (children of
    ``app``). Call before any window is made: widgets read both when they are built.
    """
    QGuiApplication.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft
        if is_right_to_left(layout)
        else Qt.LayoutDirection.LeftToRight
    )
    tag = normalize(spoken)
    if tag.split("_")[0] == "en":
        return []  # Qt's own words are English already
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    installed: list[QTranslator] = []
    for catalog in QT_CATALOGS:
        translator = QTranslator(app)
        # "pt_BR" finds qtbase_pt_BR.qm; "de_AT" falls back to qtbase_de.qm.
        if translator.load(QLocale(tag), catalog, "_", folder):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            log.info("no Qt translation %s for %s in %s", catalog, tag, folder)
    return installed
