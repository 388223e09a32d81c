"""The schema, as an append-only list of ``sqlite_utils.Migrations``.

Never edit or reorder an applied migration: add a new one at the end. Allowed values in CHECK
constraints are written out literally (not derived from the enums) so that a migration always
creates the same schema, whatever the code around it has become.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

MIGRATIONS = Migrations("brevity")


@MIGRATIONS()
def m001_create_scripts(db: Database) -> None:
    """Scripts in the library; ``deleted_at`` marks a soft delete that can be undone."""
    db.execute(
        """
        CREATE TABLE scripts (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            target_s REAL NOT NULL CHECK (target_s > 0),
            text TEXT NOT NULL DEFAULT '',
            words_per_minute REAL CHECK (words_per_minute IS NULL OR words_per_minute > 0),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            deleted_at TEXT
        )
        """
    )


@MIGRATIONS()
def m002_create_script_revisions(db: Database) -> None:
    """Exact texts that were rehearsed, numbered 1, 2, ... per script."""
    db.execute(
        """
        CREATE TABLE script_revisions (
            id INTEGER PRIMARY KEY,
            script_id INTEGER NOT NULL REFERENCES scripts(id) ON DELETE CASCADE,
            number INTEGER NOT NULL CHECK (number >= 1),
            text TEXT NOT NULL,
            created_at TEXT NOT NULL,
            UNIQUE (script_id, number)
        )
        """
    )


@MIGRATIONS()
def m003_create_attempts(db: Database) -> None:
    """Logged takes; each points at the revision that was on the prompter."""
    db.execute(
        """
        CREATE TABLE attempts (
            id INTEGER PRIMARY KEY,
            script_id INTEGER NOT NULL REFERENCES scripts(id) ON DELETE CASCADE,
            revision_id INTEGER NOT NULL REFERENCES script_revisions(id) ON DELETE CASCADE,
            started_at TEXT NOT NULL,
            duration_s REAL NOT NULL CHECK (duration_s >= 0),
            target_s REAL NOT NULL CHECK (target_s > 0),
            words INTEGER NOT NULL CHECK (words >= 0),
            reached_end INTEGER NOT NULL CHECK (reached_end IN (0, 1)),
            outcome TEXT NOT NULL CHECK (outcome IN
                ('nailed', 'good', 'stumbled', 'rambled', 'abandoned', 'unrated')),
            note TEXT NOT NULL DEFAULT '',
            deleted_at TEXT
        )
        """
    )
    db.execute("CREATE INDEX attempts_script_started ON attempts (script_id, started_at)")
    db.execute("CREATE INDEX attempts_started ON attempts (started_at)")
    # Without it, deleting a revision (cascade from a purged script) scans every attempt.
    db.execute("CREATE INDEX attempts_revision ON attempts (revision_id)")


@MIGRATIONS()
def m004_create_meta(db: Database) -> None:
    """Small key/value facts about this database, such as whether starters were seeded."""
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")


@MIGRATIONS()
def m005_add_revision_coach_score(db: Database) -> None:
    """The script coach's score of each rehearsed revision ("8 of 10"), when it was checked."""
    db.execute("ALTER TABLE script_revisions ADD COLUMN coach_score INTEGER")
    db.execute("ALTER TABLE script_revisions ADD COLUMN coach_max INTEGER")


@MIGRATIONS()
def m006_add_attempt_voice(db: Database) -> None:
    """The recording of a take and the speech measured in it (all empty for a silent take)."""
    for column, kind in (
        ("recording", "TEXT"),
        ("speech_start_s", "REAL CHECK (speech_start_s >= 0)"),
        ("speech_end_s", "REAL CHECK (speech_end_s >= 0)"),
        ("spoken_s", "REAL CHECK (spoken_s >= 0)"),
        ("pauses", "INTEGER CHECK (pauses >= 0)"),
        ("longest_pause_s", "REAL CHECK (longest_pause_s >= 0)"),
    ):
        db.execute(f"ALTER TABLE attempts ADD COLUMN {column} {kind}")


def known_migration_names() -> frozenset[str]:
    """Every migration this build knows: all of them are pending on an empty database."""
    scratch = Database(memory=True, execute_plugins=False)
    try:
        return frozenset(migration.name for migration in MIGRATIONS.pending(scratch))
    finally:
        scratch.close()
