"""A pseudo-language for checking room: every sentence 40% longer, with accented letters.

    QT_QPA_PLATFORM=offscreen python -m tests.gui.pseudo_language OUT_DIR [--text 2]

builds the pseudo catalog from resources/locale/companion.pot in OUT_DIR, installs it before any
window module is imported (as companion.cli does with a real language), then opens the windows of
bench/look_shots.py in the light look, saves each as OUT_DIR/light-<window>.png and prints every
control drawn smaller than Qt says it needs. German (de) is the language it claims, so dates and
times are German's too ("Montag, 23. November", "16:30").
"""

from __future__ import annotations

import math
import re
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "resources" / "locale" / "companion.pot"
LANGUAGE = "de"
#: How much longer than English: German and French run about a third longer (issue #13).
GROWTH = 0.4
_ACCENTED = str.maketrans("aceinouyAEIOUCNYsSzZgGhHjJwW", "åçéîñöûýÅÉÎÖÛÇÑÝšŠžŽĝĜĥĤĵĴŵŴ")
_PLACEHOLDER = re.compile(r"(\{[^{}]*\})")
_WORD = re.compile(r"[^\s]+")


def pseudo(text: str) -> str:
    """ "Journal {count}" -> "[Ĵöûŕñåļ··· {count}]": accented, each word 40% longer (so lines
    still wrap between words), placeholders and line breaks kept."""
    parts = []
    for part in _PLACEHOLDER.split(text):
        if _PLACEHOLDER.fullmatch(part):
            parts.append(part)
            continue
        parts.append(
            _WORD.sub(
                lambda m: (
                    m.group(0).translate(_ACCENTED) + "·" * math.ceil(len(m.group(0)) * GROWTH)
                ),
                part,
            )
        )
    return f"[{''.join(parts)}]"


def build(locale_dir: Path, template: Path = TEMPLATE) -> Path:
    """Writes locale_dir/de/LC_MESSAGES/companion.mo, every sentence in the pseudo-language."""
    with template.open("rb") as handle:
        source = read_po(handle)
    catalog = Catalog(locale=LANGUAGE, domain="companion")
    for message in source:
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            string: str | tuple[str, ...] = tuple(
                pseudo(message.id[min(i, 1)]) for i in range(catalog.num_plurals)
            )
        else:
            string = pseudo(message.id)
        catalog.add(message.id, string, context=message.context)
    folder = locale_dir / LANGUAGE / "LC_MESSAGES"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "companion.mo"
    with path.open("wb") as handle:
        write_mo(handle, catalog)
    return path


def main(argv: list[str]) -> int:
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    build(out / "locale")
    from companion.core.i18n import _, install

    assert install([LANGUAGE], out / "locale") == LANGUAGE
    print(f"speaking: {_('Breathing break')}")
    # Only now the windows: their sentences are read when their modules are imported.
    from bench import look_shots

    code = look_shots.main([str(out), *argv[1:], "--look", "light"])
    more_windows(out)
    return code


def more_windows(out: Path) -> None:
    """Windows bench/look_shots.py leaves out: Insights (a week, four weeks) and the debrief."""
    from bench.look_shots import _show
    from companion.ui.debrief.debrief_dialog import DebriefDialog
    from companion.ui.insights.insights_window import InsightsWindow
    from tests.gui.insights_helpers import light_week
    from tests.gui.test_debrief_dialog import NOW, a_reader

    insights = light_week()
    for name, report in (
        ("insights-week", insights.this_week),
        ("insights-4-weeks", insights.recent),
    ):
        window = InsightsWindow()
        window.show_report(report, insights.pointer)
        _show(window, out, f"light-{name}")
        window.close()
    debrief = DebriefDialog(a_reader(), lambda: NOW)
    _show(debrief, out, "light-debrief")
    debrief.close()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
