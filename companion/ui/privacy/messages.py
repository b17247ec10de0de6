"""What the privacy dialogs say. Each sentence must be true for the mode it describes
(docs/privacy.md says the same at more length)."""

from __future__ import annotations

from companion.core.journal_key import MIN_PASSPHRASE_LENGTH, Protection
from companion.system.capture_exclusion import Capture

CHOOSE_TITLE = "Keep your journal locked"
CHOOSE_INTRO = (
    "Companion encrypts your journal, calls and breaks. This desktop has no keyring to keep "
    "the key in, so please choose how to keep it."
)
#: One plain sentence per way: what it protects against, and what it does not.
CHOICES: dict[Protection, tuple[str, str]] = {
    Protection.PASSPHRASE: (
        "A passphrase you type when Companion starts",
        "Protects your journal even if someone copies your whole disk. If you forget the "
        "passphrase, nobody can open the journal, Companion included.",
    ),
    Protection.KEY_FILE: (
        "A key file only your account can read",
        "Nothing to type. Protects your journal when only its folder is copied (a backup, a "
        "shared drive), not from someone who can read your whole home folder.",
    ),
    Protection.NONE: (
        "Don't encrypt",
        "Anyone who gets the journal file, or signs in as you, can read it.",
    ),
}
CHOOSE_OK = "Use this"
CHOOSE_LATER = "Not now"

NEW_TITLE = "Choose a passphrase"
NEW_INTRO = (
    f"Use at least {MIN_PASSPHRASE_LENGTH} characters; a few words you'll remember work well. "
    "Nobody can recover it, Companion included: if it's lost, the journal can't be opened."
)
UNLOCK_TITLE = "Unlock your journal"
UNLOCK_INTRO = "Enter your passphrase to open your journal."
PASSPHRASE_LABEL = "Passphrase"
REPEAT_LABEL = "Passphrase again"
MISMATCH = "The two passphrases are not the same. Please type them again."
SHOW_TYPING = "Show what I type"
UNLOCK_OK = "Unlock"
NEW_OK = "Use this passphrase"
UNLOCK_LATER = "Not now"

#: The app lock (Settings → Privacy → "Lock my journal and calls").
LOCKED_TITLE = "Your journal and calls are locked"
LOCKED_OWN_INTRO = (
    "Enter your lock passphrase to open your journal and calls. Breaks work as usual meanwhile."
)
LOCKED_JOURNAL_INTRO = (
    "Enter your journal passphrase to open your journal and calls. Breaks work as usual meanwhile."
)
LOCK_NEW_TITLE = "Choose a lock passphrase"
LOCK_NEW_INTRO = (
    f"Companion asks for it to open your journal and calls after you've been away. Use at "
    f"least {MIN_PASSPHRASE_LENGTH} characters. Forgetting it loses nothing: your journal's "
    "key doesn't depend on it."
)
LOCK_LABEL = "Lock my journal and calls"
LOCK_OFF = "Never"
LOCK_AFTER = "After {minutes} minutes away"
LOCK_AFTER_ONE = "After 1 minute away"
LOCK_WITH_SCREEN = (
    "On desktops that announce their screen lock (GNOME, KDE Plasma, Xfce, Cinnamon), it also "
    "locks with the screen."
)
LOCK_WHAT = (
    "The lock closes your journal and calls in Companion when you step away; taking a break "
    "still works. It adds no encryption."
)
LOCK_OWN_PASSPHRASE = "You'll choose a passphrase for the lock when you save."
LOCK_JOURNAL_PASSPHRASE = "Your journal passphrase opens them again."
LOCK_OWN_SET = "Your lock passphrase opens them again."
LOCK_WHILE_LOCKED = "Unlock your journal to change the lock."

#: What Settings says about screen sharing, true for this computer (system.capture_exclusion).
CAPTURE: dict[Capture, str] = {
    Capture.HIDDEN: (
        "Your journal and calls are left out when you share your screen or take a screenshot."
    ),
    Capture.BLACKED_OUT: (
        "Your journal and calls show as a black box when you share your screen "
        "(Windows 10 version 2004 and later leave them out)."
    ),
    Capture.ASKED: (
        "macOS may still show your journal and calls when you share your screen: close them first."
    ),
    Capture.SHOWN: (
        "Companion can't hide your journal and calls from screen sharing on this desktop: "
        "close them before you share your screen."
    ),
}

#: How the journal is kept, as Settings says it: true for the mode in use.
IN_USE: dict[Protection, str] = {
    Protection.KEYCHAIN: (
        "Your journal is encrypted. Its key is kept in your account's keyring, so it opens "
        "without a question once you've signed in; a copy of the file or the disk can't be "
        "read without your sign-in."
    ),
    Protection.PASSPHRASE: (
        "Your journal is encrypted with your passphrase, which Companion asks for when it "
        "starts. Nobody can recover a lost passphrase, Companion included."
    ),
    Protection.KEY_FILE: (
        "Your journal is encrypted. Its key is in a file only your account can read, kept "
        "apart from the journal ({path}), so a copy of the journal's folder alone can't be read."
    ),
    Protection.NONE: (
        "Your journal is not encrypted: anyone who gets the file, or signs in as you, can read it."
    ),
}
IT_TURNED_OFF = "Your IT department has turned journal encryption off."
NOT_OPEN_NOW = "Your journal isn't open right now. {why}"
NOT_ENCRYPTED_YET = (
    "Your journal is not encrypted yet. {why} Companion encrypts it at a start when it has "
    "its key; until then, anyone who gets the file, or signs in as you, can read it."
)
PRIVACY_GROUP = "Privacy"

#: A lost key or passphrase: the way forward (Settings → Privacy, while the journal waits).
NEW_JOURNAL_BUTTON = "Start a new journal…"
NEW_JOURNAL_WHY = (
    "If its key or passphrase is lost for good, you can start a new journal; the old one is "
    "kept aside, unopened."
)
NEW_JOURNAL_TITLE = "Start a new journal?"
NEW_JOURNAL_QUESTION = (
    "Companion starts a new, empty journal, and keeps your old one aside, unopened, with its "
    "copies: if its key or passphrase turns up, it can still be opened. Nothing is deleted. "
    "What you wrote since Companion started moves into the new journal."
)
NEW_JOURNAL_YES = "Start a new journal"
NEW_JOURNAL_NO = "Keep waiting"
