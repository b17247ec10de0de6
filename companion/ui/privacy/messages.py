"""What the privacy dialogs say. Each sentence must be true for the mode it describes
(docs/privacy.md says the same at more length)."""

from __future__ import annotations

from companion.core.i18n import _, ngettext
from companion.core.journal_key import MIN_PASSPHRASE_LENGTH, Protection
from companion.system.capture_exclusion import Capture

CHOOSE_TITLE = _("Keep your journal locked")
CHOOSE_INTRO = _(
    "Companion encrypts your journal, calls and breaks. This desktop has no keyring to keep "
    "the key in, so please choose how to keep it."
)
#: One plain sentence per way: what it protects against, and what it does not.
CHOICES: dict[Protection, tuple[str, str]] = {
    Protection.PASSPHRASE: (
        _("A passphrase you type when Companion starts"),
        _(
            "Protects your journal even if someone copies your whole disk. If you forget the "
            "passphrase, nobody can open the journal, Companion included."
        ),
    ),
    Protection.KEY_FILE: (
        _("A key file only your account can read"),
        _(
            "Nothing to type. Protects your journal when only its folder is copied (a backup, a "
            "shared drive), not from someone who can read your whole home folder."
        ),
    ),
    Protection.NONE: (
        _("Don't encrypt"),
        _("Anyone who gets the journal file, or signs in as you, can read it."),
    ),
}
CHOOSE_OK = _("Use this")
CHOOSE_LATER = _("Not now")

NEW_TITLE = _("Choose a passphrase")
NEW_INTRO = ngettext(
    "Use at least {count} character; a few words you'll remember work well. "
    "Nobody can recover it, Companion included: if it's lost, the journal can't be opened.",
    "Use at least {count} characters; a few words you'll remember work well. "
    "Nobody can recover it, Companion included: if it's lost, the journal can't be opened.",
    MIN_PASSPHRASE_LENGTH,
).format(count=MIN_PASSPHRASE_LENGTH)
UNLOCK_TITLE = _("Unlock your journal")
UNLOCK_INTRO = _("Enter your passphrase to open your journal.")
PASSPHRASE_LABEL = _("Passphrase")
REPEAT_LABEL = _("Passphrase again")
MISMATCH = _("The two passphrases are not the same. Please type them again.")
SHOW_TYPING = _("Show what I type")
UNLOCK_OK = _("Unlock")
NEW_OK = _("Use this passphrase")
UNLOCK_LATER = _("Not now")

#: The app lock (Settings → Privacy → "Lock my journal and calls").
LOCKED_TITLE = _("Your journal and calls are locked")
LOCKED_OWN_INTRO = _(
    "Enter your lock passphrase to open your journal and calls. Breaks work as usual meanwhile."
)
LOCKED_JOURNAL_INTRO = _(
    "Enter your journal passphrase to open your journal and calls. Breaks work as usual meanwhile."
)
LOCK_NEW_TITLE = _("Choose a lock passphrase")
LOCK_NEW_INTRO = ngettext(
    "Companion asks for it to open your journal and calls after you've been away. Use at "
    "least {count} character. Forgetting it loses nothing: your journal's "
    "key doesn't depend on it.",
    "Companion asks for it to open your journal and calls after you've been away. Use at "
    "least {count} characters. Forgetting it loses nothing: your journal's "
    "key doesn't depend on it.",
    MIN_PASSPHRASE_LENGTH,
).format(count=MIN_PASSPHRASE_LENGTH)
LOCK_LABEL = _("Lock my journal and calls")
LOCK_OFF = _("Never")
LOCK_WITH_SCREEN = _(
    "On desktops that announce their screen lock (GNOME, KDE Plasma, Xfce, Cinnamon), it also "
    "locks with the screen."
)
LOCK_WHAT = _(
    "The lock closes your journal and calls in Companion when you step away; taking a break "
    "still works. It adds no encryption."
)
LOCK_OWN_PASSPHRASE = _("You'll choose a passphrase for the lock when you save.")
LOCK_JOURNAL_PASSPHRASE = _("Your journal passphrase opens them again.")
LOCK_OWN_SET = _("Your lock passphrase opens them again.")
LOCK_WHILE_LOCKED = _("Unlock your journal to change the lock.")

#: What Settings says about screen sharing, true for this computer (system.capture_exclusion).
CAPTURE: dict[Capture, str] = {
    Capture.HIDDEN: (
        _("Your journal and calls are left out when you share your screen or take a screenshot.")
    ),
    Capture.BLACKED_OUT: _(
        "Your journal and calls show as a black box when you share your screen "
        "(Windows 10 version 2004 and later leave them out)."
    ),
    Capture.ASKED: _(
        "macOS may still show your journal and calls when you share your screen: close them first."
    ),
    Capture.SHOWN: _(
        "Companion can't hide your journal and calls from screen sharing on this desktop: "
        "close them before you share your screen."
    ),
}

#: How the journal is kept, as Settings says it: true for the mode in use.
IN_USE: dict[Protection, str] = {
    Protection.KEYCHAIN: _(
        "Your journal is encrypted. Its key is kept in your account's keyring, so it opens "
        "without a question once you've signed in; a copy of the file or the disk can't be "
        "read without your sign-in."
    ),
    Protection.PASSPHRASE: _(
        "Your journal is encrypted with your passphrase, which Companion asks for when it "
        "starts. Nobody can recover a lost passphrase, Companion included."
    ),
    Protection.KEY_FILE: _(
        "Your journal is encrypted. Its key is in a file only your account can read, kept "
        "apart from the journal ({path}), so a copy of the journal's folder "
        "alone can't be read."
    ),
    Protection.NONE: _(
        "Your journal is not encrypted: anyone who gets the file, or signs in as you, can read it."
    ),
}
IT_TURNED_OFF = _("Your IT department has turned journal encryption off.")
NOT_OPEN_NOW = _("Your journal isn't open right now. {why}")
NOT_ENCRYPTED_YET = _(
    "Your journal is not encrypted yet. {why} Companion encrypts it at a start when it has "
    "its key; until then, anyone who gets the file, or signs in as you, can read it."
)
PRIVACY_GROUP = _("Privacy")

#: A lost key or passphrase: the way forward (Settings → Privacy, while the journal waits).
NEW_JOURNAL_BUTTON = _("Start a new journal…")
NEW_JOURNAL_WHY = _(
    "If its key or passphrase is lost for good, you can start a new journal; the old one is "
    "kept aside, unopened."
)
NEW_JOURNAL_TITLE = _("Start a new journal?")
NEW_JOURNAL_QUESTION = _(
    "Companion starts a new, empty journal, and keeps your old one aside, unopened, with its "
    "copies: if its key or passphrase turns up, it can still be opened. Nothing is deleted. "
    "What you wrote since Companion started moves into the new journal."
)
NEW_JOURNAL_YES = _("Start a new journal")
NEW_JOURNAL_NO = _("Keep waiting")


def lock_after(minutes: int) -> str:
    """A choice of "Lock my journal and calls"."""
    return ngettext("After {count} minute away", "After {count} minutes away", minutes).format(
        count=minutes
    )
