"""Printing the debrief summary: Qt's print dialog, then the text as plain paragraphs.

QtPrintSupport is imported only here, when the agent presses "Print…" (it is in
PySide6-Essentials; build.spec keeps it and the CUPS print plugin for this).
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from companion.ui.debrief import messages


def ask_and_print(parent: QWidget, text: str) -> bool:
    """Show the print dialog; print ``text`` if the agent says Print. True when printed."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(messages.TITLE)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(messages.PRINT_NAME)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    print_text(printer, text)
    return True


def print_text(printer: QPrinter, text: str) -> None:
    """``text`` on ``printer`` in a plain 11 pt font, lines and paragraphs as written."""
    document = QTextDocument()
    font = QFont()
    font.setPointSize(11)
    document.setDefaultFont(font)
    document.setPlainText(text)
    document.print_(printer)
