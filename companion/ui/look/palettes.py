"""The three colour sets (light, dark, high contrast), named by what each colour is for.

Every text colour here is checked at 4.5:1 or more against the backgrounds it is drawn on
(tests/unit/ui/test_contrast.py). The break keeps its calm deep blue in light and dark alike;
high contrast is black, white and yellow everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from companion.core.settings import Appearance


@dataclass(frozen=True)
class Paper:
    """The journal, recent calls, Settings, the tray's window and the toast: pages to read."""

    window: str  # around everything (Settings, the tray's window)
    paper: str  # the journal's page
    card: str  # fields, lists, buttons
    ink: str
    soft: str
    prompt: str
    accent: str  # links, tags, focus rings, the primary button's face
    on_accent: str  # text on the primary button
    accent_hover: str
    focus_on_accent: str
    line: str
    button_line: str
    row_line: str
    hover: str
    selected: str
    selection: str  # behind selected text in fields
    placeholder: str
    disabled: str
    disabled_line: str
    disabled_accent: str
    warm: str  # banners: drafts, callbacks, prompts
    warm_line: str
    error_ink: str
    error_back: str
    error_line: str
    #: The edge of fields, lists' boxes, check boxes and radio buttons, at least 3:1 against
    #: the window, the paper and the card (WCAG 1.4.11: a control must be seen to be there).
    edge: str


@dataclass(frozen=True)
class Breath:
    """The break window and its pacer."""

    top: str
    bottom: str
    border: str
    text: str
    soft: str
    source: str
    error: str
    button: str  # translucent over the gradient
    button_hover: str
    button_pressed: str
    button_line: str
    button_text: str
    field: str
    field_line: str
    primary: str
    primary_hover: str
    on_primary: str
    focus: str
    focus_on_primary: str
    link_hover: str
    menu: str
    selection: str
    banner: str
    placeholder: str
    shape_centre: str
    shape_edge: str
    ring: str
    bar_track: str
    bar_fill: str
    glow: str  # the glow's centre; it fades to nothing
    pacer_top: str
    pacer_bottom: str
    pacer_text: str
    pacer_soft: str


LIGHT_PAPER = Paper(
    window="#f4f7f6", paper="#faf8f4", card="#ffffff", ink="#263836", soft="#56686a",
    prompt="#3d5553", accent="#1d6f69", on_accent="#ffffff", accent_hover="#175d58",
    focus_on_accent="#0b3431", line="#dcd6cb", button_line="#c9c2b5", row_line="#ece7de",
    hover="#f1eee8", selected="#e3f1ee", selection="#b9ded8", placeholder="#5f6f6d",
    disabled="#9aa6a5", disabled_line="#e2ddd4", disabled_accent="#a9c9c5", warm="#fff6e2",
    warm_line="#ecdcb4", error_ink="#7a3410", error_back="#fdf0e4", error_line="#f0cfae",
    edge="#8a8478",
)  # fmt: skip

DARK_PAPER = Paper(
    window="#1b2322", paper="#1d2524", card="#263130", ink="#e6eeec", soft="#b7c7c4",
    prompt="#cddcd9", accent="#7fd3c6", on_accent="#0d2624", accent_hover="#9fe0d6",
    focus_on_accent="#ffffff", line="#4b5a58", button_line="#64716f", row_line="#34403e",
    hover="#2f3b3a", selected="#2d4a46", selection="#2f6b64", placeholder="#a3b3b0",
    disabled="#7b8987", disabled_line="#3b4746", disabled_accent="#3f5a57", warm="#332e20",
    warm_line="#5e543a", error_ink="#ffd2a8", error_back="#3b2a1d", error_line="#6e4d31",
    edge="#8d9b98",
)  # fmt: skip

HIGH_CONTRAST_PAPER = Paper(
    window="#000000", paper="#000000", card="#000000", ink="#ffffff", soft="#ffffff",
    prompt="#ffffff", accent="#ffff00", on_accent="#000000", accent_hover="#ffffff",
    focus_on_accent="#00ffff", line="#ffffff", button_line="#ffffff", row_line="#ffffff",
    hover="#1f1f1f", selected="#00337a", selection="#00337a", placeholder="#d0d0d0",
    disabled="#a0a0a0", disabled_line="#a0a0a0", disabled_accent="#808000", warm="#000000",
    warm_line="#ffff00", error_ink="#ffff00", error_back="#000000", error_line="#ffff00",
    edge="#ffffff",
)  # fmt: skip

CALM_BREATH = Breath(
    top="#0d2538", bottom="#0f3b42", border="rgba(255, 255, 255, 30)", text="#e8f5f3",
    soft="#b8d6d3", source="#a4c9c6", error="#ffd9a8", button="rgba(255, 255, 255, 20)",
    button_hover="rgba(255, 255, 255, 38)", button_pressed="rgba(255, 255, 255, 12)",
    button_line="rgba(255, 255, 255, 55)", button_text="#eef8f6",
    field="rgba(255, 255, 255, 22)", field_line="rgba(255, 255, 255, 70)", primary="#9fdcd2",
    primary_hover="#b7e8e0", on_primary="#0b2a33", focus="#9fe3d6", focus_on_primary="#ffffff",
    link_hover="#ffffff", menu="#12344d", selection="#1f7a74", banner="rgba(255, 255, 255, 24)",
    placeholder="#bcd6d4", shape_centre="#eefaf7", shape_edge="#9fdcd2",
    ring="rgba(255, 255, 255, 70)", bar_track="rgba(255, 255, 255, 40)", bar_fill="#a6e3d8",
    glow="rgba(159, 220, 210, 70)", pacer_top="#12344d", pacer_bottom="#145457",
    pacer_text="#f2fbf9", pacer_soft="#b9dcd8",
)  # fmt: skip

HIGH_CONTRAST_BREATH = Breath(
    top="#000000", bottom="#000000", border="#ffffff", text="#ffffff", soft="#ffffff",
    source="#ffffff", error="#ffff00", button="#000000", button_hover="#1f1f1f",
    button_pressed="#000000", button_line="#ffffff", button_text="#ffffff", field="#000000",
    field_line="#ffffff", primary="#ffff00", primary_hover="#ffffff", on_primary="#000000",
    focus="#00ffff", focus_on_primary="#00ffff", link_hover="#ffff00", menu="#000000",
    selection="#00337a", banner="#000000", placeholder="#d0d0d0", shape_centre="#ffffff",
    shape_edge="#ffff00", ring="#ffffff", bar_track="#5a5a5a", bar_fill="#ffff00",
    glow="rgba(255, 255, 0, 0)", pacer_top="#000000", pacer_bottom="#000000",
    pacer_text="#ffffff", pacer_soft="#ffffff",
)  # fmt: skip

PAPERS = {
    Appearance.LIGHT: LIGHT_PAPER,
    Appearance.DARK: DARK_PAPER,
    Appearance.HIGH_CONTRAST: HIGH_CONTRAST_PAPER,
}
BREATHS = {
    Appearance.LIGHT: CALM_BREATH,
    Appearance.DARK: CALM_BREATH,
    Appearance.HIGH_CONTRAST: HIGH_CONTRAST_BREATH,
}
