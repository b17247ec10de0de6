"""The call a break window is showing: its undo banner and its details, always the newest tag."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QBoxLayout, QWidget

from companion.core.calls import DifficultCall
from companion.ui.breathing.undo_banner import UndoBanner
from companion.ui.calls.call_details import CallDetailsForm


class BreakCall(QObject):
    """Owns the banner and the details form of the shown call and swaps both for a new tag.

    A second tag while the window is open (two hard calls in a row, or a double click) must get
    its own "Undo" and its own details: :meth:`show` replaces them. The form is made only when
    the breathing page asks for it (:meth:`details_form`).

    "Undo" is the second stop for Tab, right after the window's first (its close button), as
    the banner sits right under it: before any page's controls, on every page.
    """

    undo_clicked = Signal()
    details_changed = Signal(object)
    expanded_changed = Signal(bool)
    #: The breathing page should show this form in place of its old one.
    form_replaced = Signal(object)

    def __init__(self, call: DifficultCall | None, *, show_undo: bool, parent: QObject) -> None:
        super().__init__(parent)
        self._call = call
        self._banner = self._new_banner(call) if show_undo and call is not None else None
        self._banner_place: tuple[QBoxLayout, int, QWidget] | None = None
        self._form: CallDetailsForm | None = None
        self._form_asked = False

    @property
    def call(self) -> DifficultCall | None:
        """The call shown now; None once its tag was undone."""
        return self._call

    @property
    def banner(self) -> UndoBanner | None:
        return self._banner

    def place_banner(self, layout: QBoxLayout, index: int, tab_after: QWidget) -> None:
        """Where the banner stands (and any later one will), and the widget its "Undo"
        follows for Tab."""
        self._banner_place = (layout, index, tab_after)
        if self._banner is not None:
            self._insert(self._banner)

    def details_form(self) -> CallDetailsForm | None:
        """The details form for the breathing page (asked once, when that page is built)."""
        self._form_asked = True
        if self._form is None and self._call is not None:
            self._form = self._new_form(self._call)
        return self._form

    def dismiss(self) -> None:
        if self._banner is not None:
            self._banner.dismiss()

    def commit(self) -> None:
        """Send what was typed in the details and not yet sent."""
        if self._form is not None and self._call is not None:
            self._form.commit()

    def forget(self) -> None:
        """The shown call's tag was undone: no details for a call that no longer exists."""
        self._call = None
        if self._form is not None:
            self._form.hide()

    def show(self, call: DifficultCall, *, show_undo: bool) -> None:
        """Show ``call`` instead: its banner (when it can be undone) and, once the breathing
        page has asked for details, a new form (``form_replaced``; the old one is gone)."""
        self.commit()
        self._call = call
        self._swap_banner(self._new_banner(call) if show_undo else None)
        if not self._form_asked:
            return  # the page, when built, asks for the form of the call shown then
        if self._form is not None:
            self._form.hide()
            self._form.deleteLater()
        self._form = self._new_form(call)
        self.form_replaced.emit(self._form)

    def _swap_banner(self, banner: UndoBanner | None) -> None:
        if self._banner is not None:
            self._banner.dismiss()
            self._banner.deleteLater()
        self._banner = banner
        if banner is not None and self._banner_place is not None:
            self._insert(banner)
            banner.show()  # now, not when the layout next gets to it

    def _insert(self, banner: UndoBanner) -> None:
        assert self._banner_place is not None
        layout, index, tab_after = self._banner_place
        layout.insertWidget(index, banner)  # in the window now: its focus chain can be set
        QWidget.setTabOrder(tab_after, banner.undo_button)

    def _new_banner(self, call: DifficultCall) -> UndoBanner:
        banner = UndoBanner(call)
        banner.undo_clicked.connect(self.undo_clicked.emit)
        return banner

    def _new_form(self, call: DifficultCall) -> CallDetailsForm:
        form = CallDetailsForm(call)
        form.details_changed.connect(self.details_changed.emit)
        form.expanded_changed.connect(self.expanded_changed.emit)
        return form
