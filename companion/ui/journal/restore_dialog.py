"""“Restore from backup…”: the daily copies of the journal, newest first, and one button."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from companion.core.backups import Backup
from companion.core.ports import BackupStore, Clock, StorageUnavailable
from companion.ui.journal import messages
from companion.ui.journal.journal_style import journal_stylesheet, make_button, make_label
from companion.ui.look.theme import size_for_text, style
from companion.ui.privacy.capture_shield import shield


class RestoreDialog(QDialog):
    """Lists the copies; ``restored`` carries the one put back (the dialog then closes)."""

    restored = Signal(object)

    def __init__(self, backups: BackupStore, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.capture_shield = shield(self)
        self.setObjectName("restoreDialog")
        self.setWindowTitle(messages.RESTORE_TITLE)
        style(self, journal_stylesheet)
        self._backups = backups
        self._clock = clock
        self._list = QListWidget()
        self._list.setObjectName("backupList")
        self._list.setAccessibleName(messages.COPIES_NAME)
        self._list.setStyleSheet("QListWidget::item { padding: 6px 4px; }")
        self._list.currentItemChanged.connect(lambda *_: self._update_button())
        self._list.itemActivated.connect(lambda _item: self._on_restore_clicked())
        self._error = make_label("", "errorLabel")
        self._error.hide()
        self._restore = make_button(messages.RESTORE, messages.RESTORE, "primaryButton")
        self._restore.clicked.connect(self._on_restore_clicked)
        cancel = make_button(messages.CANCEL, messages.CANCEL_NAME)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self._restore)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(make_label(messages.RESTORE_INTRO, "soft"))
        layout.addWidget(self._list, 1)
        layout.addWidget(self._error)
        layout.addLayout(buttons)
        size_for_text(self, 480, 380)
        self._fill()

    def _fill(self) -> None:
        now = self._clock.now()
        backups = self._backups.list_backups()
        for backup in backups:
            item = QListWidgetItem(messages.describe_backup(backup, now))
            item.setData(Qt.ItemDataRole.UserRole, backup)
            if backup.entries is None:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self._list.addItem(item)
        if not backups:
            empty = QListWidgetItem(messages.NO_COPIES)
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self._list.addItem(empty)
        self._update_button()

    def _chosen(self) -> Backup | None:
        item = self._list.currentItem()
        backup = None if item is None else item.data(Qt.ItemDataRole.UserRole)
        return backup if isinstance(backup, Backup) and backup.entries is not None else None

    def _update_button(self) -> None:
        self._restore.setEnabled(self._chosen() is not None)

    def _on_restore_clicked(self) -> None:
        backup = self._chosen()
        if backup is None:
            return
        try:
            self._backups.restore(backup, self._clock.now())
        except StorageUnavailable as error:
            self._error.setText(str(error))
            self._error.show()
            return
        self.restored.emit(backup)
        self.accept()
