"""WCAG contrast ratios, computed from colour strings as style sheets write them (no Qt)."""

from __future__ import annotations

import re

RGB = tuple[float, float, float]
RGBA = tuple[float, float, float, float]

_RGBA = re.compile(r"rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*(?:,\s*(\d+)\s*)?\)")
_NAMED = {"white": "#ffffff", "black": "#000000", "transparent": "rgba(0, 0, 0, 0)"}


def parse(colour: str) -> RGBA:
    """'#1d6f69', 'white' or 'rgba(255, 255, 255, 20)' (alpha 0-255, as Qt reads it)."""
    text = _NAMED.get(colour.strip().lower(), colour.strip())
    if text.startswith("#") and len(text) == 7:
        red, green, blue = (int(text[i : i + 2], 16) for i in (1, 3, 5))
        return float(red), float(green), float(blue), 255.0
    match = _RGBA.fullmatch(text)
    if match is None:
        raise ValueError(f"not a colour: {colour!r}")
    alpha = match.group(4)
    r, g, b = (float(match.group(i)) for i in (1, 2, 3))
    return r, g, b, float(alpha) if alpha else 255.0


def over(colour: RGBA, background: RGB) -> RGB:
    """``colour`` painted over an opaque ``background``."""
    share = colour[3] / 255
    mixed = (colour[i] * share + background[i] * (1 - share) for i in range(3))
    return tuple(mixed)  # type: ignore[return-value]


def luminance(colour: RGB) -> float:
    """Relative luminance (WCAG 2.2)."""

    def channel(value: float) -> float:
        value /= 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(value) for value in colour)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def ratio(text: str, background: str, *, under: str = "#000000") -> float:
    """The contrast of ``text`` on ``background``; translucent colours are mixed over ``under``."""
    ground = over(parse(background), over(parse(under), (0.0, 0.0, 0.0)))
    ink = over(parse(text), ground)
    light, dark = sorted((luminance(ink), luminance(ground)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
