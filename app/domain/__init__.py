"""Pure domain logic: no Qt, no database. Everything here is plain, fast and testable."""
