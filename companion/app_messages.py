"""The sentences the composition root says itself (a tag not saved, the temporary journal)."""

NOT_SAVED_TEXT = (
    "Companion could not save this call because its journal can't be written right now; "
    "the break has started all the same."
)
TEMPORARY_TEXT = (
    "Done, but kept only in a temporary journal: Companion can't open its journal file right "
    "now. It moves into your journal if the file opens before Companion closes."
)
SETTINGS_NOT_SAVED = (
    "Your settings could not be saved, because Companion can't write to its folder right now; "
    "they apply until you quit."
)
REOPENED_TEXT = "Your journal file opens again, and what you wrote meanwhile is in it now."
