"""Recent calls and the form that edits one call's details."""
