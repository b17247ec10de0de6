"""The only code that speaks SQL: opens the journal database and implements the repositories."""
