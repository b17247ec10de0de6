"""How the journal is kept locked: the first-start choice and the passphrase."""
