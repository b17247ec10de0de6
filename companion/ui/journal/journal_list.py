"""The journal list: a model of ``JournalListItem`` rows, a delegate drawing them, the pane."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from companion.core.journal import JournalListItem, title_of
from companion.core.ports import Clock
from companion.ui.journal import messages
from companion.ui.journal.messages import tags_text, when_text
from companion.ui.look.theme import current_look

#: The ``JournalListItem`` of a row.
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1

_PAD_X = 16
_PAD_Y = 10
_GAP = 3
_ModelIndex = QModelIndex | QPersistentModelIndex


class JournalListModel(QAbstractListModel):
    """Rows as given by the repository: newest first, listed or found."""

    def __init__(self, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._items: list[JournalListItem] = []

    def set_items(self, items: list[JournalListItem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item_at(self, row: int) -> JournalListItem | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def row_of(self, entry_id: int | None) -> int | None:
        for row, item in enumerate(self._items):
            if entry_id is not None and item.entry.id == entry_id:
                return row
        return None

    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        item = self.item_at(index.row()) if index.isValid() else None
        if item is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return row_text(item, self._clock)
        if role == ITEM_ROLE:
            return item
        return None


def meta_text(item: JournalListItem, clock: Clock) -> str:
    """ "Today, 10:41 AM  ·  Call: Abusive"."""
    parts = [when_text(item.entry.created_at, clock.now())]
    if item.call_reason is not None:
        parts.append(messages.call_reason_text(item.call_reason))
    elif item.entry.call_id is not None:
        parts.append(messages.AFTER_A_CALL)
    return messages.PART_SEPARATOR.join(parts)


def row_text(item: JournalListItem, clock: Clock) -> str:
    """The whole row as one line, for screen readers and tests."""
    parts = [meta_text(item, clock), title_of(item.entry.body)]
    if item.entry.mood is not None:
        parts.append(messages.mood_text(item.entry.mood))
    if item.entry.tags:
        parts.append(tags_text(item.entry.tags))
    return " — ".join(parts)


class JournalRowDelegate(QStyledItemDelegate):
    """Date and call on a soft line, the title in bold, the mood face at the right, tags below."""

    def __init__(self, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._clock = clock

    def _fonts(self, base: QFont) -> tuple[QFont, QFont, QFont]:
        meta = QFont(base)
        look = current_look()
        meta.setPointSizeF(look.points(13))
        title = QFont(base)
        title.setPointSizeF(look.points(15))
        title.setWeight(QFont.Weight.DemiBold)
        face = QFont(base)
        face.setPointSizeF(look.points(20))
        return meta, title, face

    def sizeHint(self, option: QStyleOptionViewItem, index: _ModelIndex) -> QSize:
        item = index.data(ITEM_ROLE)
        meta, title, _face = self._fonts(option.font)
        height = 2 * _PAD_Y + QFontMetrics(meta).height() + _GAP + QFontMetrics(title).height()
        if isinstance(item, JournalListItem) and item.entry.tags:
            height += _GAP + QFontMetrics(meta).height()
        return QSize(200, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _ModelIndex) -> None:
        item = index.data(ITEM_ROLE)
        if not isinstance(item, JournalListItem):
            return
        rect: QRect = option.rect
        state = option.state
        selected = bool(state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        c = current_look().paper
        background = c.selected if selected else c.card
        if not selected and state & QStyle.StateFlag.State_MouseOver:
            background = c.hover
        painter.fillRect(rect, QColor(background))
        if selected:
            painter.fillRect(QRect(rect.left(), rect.top(), 4, rect.height()), QColor(c.accent))
        painter.setPen(QPen(QColor(c.row_line)))
        painter.drawLine(rect.left() + _PAD_X, rect.bottom(), rect.right() - _PAD_X, rect.bottom())
        self._paint_text(painter, option.font, rect, item)
        if state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(QPen(QColor(c.accent), 1, Qt.PenStyle.DotLine))
            painter.drawRect(rect.adjusted(2, 2, -3, -3))
        painter.restore()

    def _paint_text(
        self, painter: QPainter, base: QFont, rect: QRect, item: JournalListItem
    ) -> None:
        meta, title, face = self._fonts(base)
        c = current_look().paper
        inner = rect.adjusted(_PAD_X, _PAD_Y, -_PAD_X, -_PAD_Y)
        face_width = 0
        if item.entry.mood is not None:
            face_width = QFontMetrics(face).horizontalAdvance(item.entry.mood.face) + 8
            painter.setFont(face)
            painter.drawText(
                inner,
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                item.entry.mood.face,
            )
        text_width = max(10, inner.width() - face_width)
        y = inner.top()
        y = _draw_line(
            painter, meta, c.soft, inner.left(), y, text_width, meta_text(item, self._clock)
        )
        y = _draw_line(
            painter, title, c.ink, inner.left(), y, text_width, title_of(item.entry.body)
        )
        if item.entry.tags:
            _draw_line(
                painter, meta, c.accent, inner.left(), y, text_width, tags_text(item.entry.tags)
            )


def _draw_line(
    painter: QPainter, font: QFont, color: str, x: int, y: int, width: int, text: str
) -> int:
    """One elided line of text; returns where the next line starts."""
    metrics = QFontMetrics(font)
    painter.setFont(font)
    painter.setPen(QColor(color))
    elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
    line = QRect(x, y, width, metrics.height())
    painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided)
    return y + metrics.height() + _GAP


class EntryListPane(QStackedWidget):
    """The list, or a kind sentence in its place when there is nothing to show.

    Enter and double-click ask for an edit, Delete asks for a delete; the window decides.
    """

    current_changed = Signal(object)
    edit_requested = Signal()
    delete_requested = Signal()

    def __init__(self, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = JournalListModel(clock, self)
        self.view = QListView()
        self.view.setObjectName("journalList")
        self.view.setAccessibleName(messages.LIST_NAME)
        self.view.setModel(self._model)
        self.view.setItemDelegate(JournalRowDelegate(clock, self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setMouseTracking(True)
        self.view.doubleClicked.connect(lambda _index: self.edit_requested.emit())
        self.view.selectionModel().currentChanged.connect(
            lambda current, _previous: self.current_changed.emit(self._model.item_at(current.row()))
        )
        self.view.installEventFilter(self)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("emptyState")
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setMargin(24)
        self.addWidget(self.view)
        self.addWidget(self.empty_label)

    @property
    def model(self) -> JournalListModel:
        return self._model

    def current_item(self) -> JournalListItem | None:
        return self._model.item_at(self.view.currentIndex().row())

    def current_row(self) -> int:
        return self.view.currentIndex().row()

    def set_items(
        self, items: list[JournalListItem], empty_text: str, select_id: int | None
    ) -> None:
        """Show ``items``, keeping ``select_id`` chosen if it is still there, else the first."""
        self._model.set_items(items)
        self.empty_label.setText(empty_text)
        self.setCurrentIndex(0 if items else 1)
        row = self._model.row_of(select_id)
        self.select_row(row if row is not None else 0)

    def show_unreadable(self, text: str) -> None:
        """The journal could not be read: keep the rows already shown, or say so kindly."""
        if self._model.rowCount() == 0:
            self.empty_label.setText(text)
            self.setCurrentIndex(1)

    def select_row(self, row: int) -> None:
        index = self._model.index(min(row, self._model.rowCount() - 1), 0)
        self.view.setCurrentIndex(index)
        if index.isValid():
            self.view.scrollTo(index)
        else:
            self.current_changed.emit(None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        is_key = isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress
        if watched is self.view and is_key and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.edit_requested.emit()
                return True
            if event.key() == Qt.Key.Key_Delete:
                self.delete_requested.emit()
                return True
        return super().eventFilter(watched, event)
