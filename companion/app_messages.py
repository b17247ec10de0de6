"""The sentences the app says itself, shared by the flows and the store (a tag not saved, the
temporary journal, the journal's key and lock).

Imported after the language is installed, so its constants are translated at import."""

from companion.core.i18n import _

NOT_SAVED_TEXT = _(
    "Companion could not save this call because its journal can't be written right now; "
    "the break has started all the same."
)
TEMPORARY_TEXT = _(
    "Done, but kept only in a temporary journal: Companion can't open its journal file right "
    "now. It moves into your journal if the file opens before Companion closes."
)
SETTINGS_NOT_SAVED = _(
    "Your settings could not be saved, because Companion can't write to its folder right now; "
    "they apply until you quit."
)
TEMPORARY_JOURNAL = _(
    "Until then, breaks work as usual; what you write is kept while Companion stays open, "
    "and moves into your journal as soon as Companion can open it."
)
REOPENED_TEXT = _("Your journal file opens again, and what you wrote meanwhile is in it now.")
NOT_CHOSEN = _(
    "Your journal isn't open yet, because Companion needs to know how to keep it locked. "
    "Until then, breaks work as usual and what you write is kept while Companion stays open."
)
NO_PASSPHRASE = _(
    "Your journal stays locked until you enter your passphrase. Until then, breaks work as "
    "usual and what you write is kept while Companion stays open."
)
WRONG_PASSPHRASE = _("That passphrase doesn't open your journal. Please try again.")
LOCK_STAYS_OFF = _(
    "The lock stays off: it needs a passphrase to open your journal and calls again. "
    "You can turn it on in Settings at any time."
)
LOCK_NEEDS_JOURNAL = _("The lock can be turned on once your journal is open; it stays off for now.")
KEY_STILL_COMING = _("Companion is still waiting for your journal's key.")
KEY_ON_ITS_WAY = _(
    "Your journal opens as soon as its key arrives; your keyring may be asking for your "
    "password. Breaks work as usual meanwhile."
)
NEW_JOURNAL_STARTED = _(
    "Your new journal is open. The old one is kept, unopened, at {path}, with its copies "
    "beside it: with its key or passphrase it can be opened again."
)
OLD_JOURNAL_NOT_MOVED = _(
    "Companion couldn't move your old journal aside ({why}), so no new journal was started. "
    "Nothing was changed."
)
NEW_KEY_NOT_MADE = _(
    "Your old journal is kept at {path}, but Companion couldn't make a key for a new one, so "
    "a temporary journal goes on for now. Breaks work as usual."
)
