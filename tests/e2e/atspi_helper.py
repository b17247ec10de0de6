"""Reads an app's accessibility tree (AT-SPI) from outside; run with the system's /usr/bin/python3.

The venv can't import pyatspi (Debian's python3-pyatspi), so tests/e2e/atspi.py runs this
script in a subprocess with the desktop's session bus in its environment:

    atspi_helper.py tree APP     every window of the application named APP and everything in
                                 it: role, name, description, states, the window it is in (JSON)
    atspi_helper.py focus APP    prints one JSON line for each object of APP that takes the
                                 focus, for as long as it runs (a screen reader speaks these)

This is what a screen reader (Orca) reads: the same tree, through the same bus.
"""

import json
import sys

import pyatspi

STATES = {
    "showing": pyatspi.STATE_SHOWING,
    "focusable": pyatspi.STATE_FOCUSABLE,
    "focused": pyatspi.STATE_FOCUSED,
    "enabled": pyatspi.STATE_ENABLED,
    "checked": pyatspi.STATE_CHECKED,
}


def labels(accessible):
    """The names of the labels that name this object (AT-SPI's labelled-by relation)."""
    found = []
    for relation in accessible.getRelationSet():
        if relation.getRelationType() != pyatspi.RELATION_LABELLED_BY:
            continue
        for index in range(relation.getNTargets()):
            target = relation.getTarget(index)
            if target is not None and target.getRole() == pyatspi.ROLE_LABEL and target.name:
                found.append(target.name)
    return found


def describe(accessible, window, depth):
    state = accessible.getState()
    return {
        "role": accessible.getRoleName(),
        "name": accessible.name or "",
        "description": accessible.description or "",
        "window": window,
        "depth": depth,
        "labels": labels(accessible),
        **{key: state.contains(value) for key, value in STATES.items()},
    }


def tree(app_name):
    found = []

    def walk(accessible, window, depth):
        try:
            node = describe(accessible, window, depth)
            children = list(accessible)
        except Exception:  # a node that went away while we walked: skip it
            return
        found.append(node)
        for child in children:
            if child is not None:
                walk(child, window, depth + 1)

    for app in pyatspi.Registry.getDesktop(0):
        if app is not None and app.name == app_name:
            for window in app:
                if window is not None:
                    walk(window, window.name, 0)
    return found


def focus(app_name):
    def on_event(event):
        source = event.source
        try:
            if event.detail1 != 1 or source.getApplication().name != app_name:
                return
            print(json.dumps(describe(source, "", 0)), flush=True)
        except Exception:  # the object went away before we could read it
            return

    pyatspi.Registry.registerEventListener(on_event, "object:state-changed:focused")
    print(json.dumps({"ready": True}), flush=True)
    pyatspi.Registry.start()


def main():
    what, app_name = sys.argv[1], sys.argv[2]
    if what == "tree":
        print(json.dumps(tree(app_name)))
    elif what == "focus":
        focus(app_name)
    else:
        sys.exit(f"unknown request {what!r}")


if __name__ == "__main__":
    main()
