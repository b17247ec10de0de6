"""The breathing break: its window, pages, pacer, mood faces and the tagged call's details."""
