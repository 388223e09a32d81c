"""Starter scripts shipped in ``data/starter_scripts.json``, parsed into Script values.

The starters are written for whoever uses them: they say ``[your name]`` and ``[your number]``
where the caller's own details go, so a new user sees at once what to fill in. Once the user
gives their details (``fill_in_details``), the placeholders become their name and number and
every starter passes the coach's name and number checks.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from app.domain.coach import Profile
from app.domain.script import Script, ScriptKind, clean_text

NAME_PLACEHOLDER = "[your name]"
NUMBER_PLACEHOLDER = "[your number]"


def parse_starters(json_text: str) -> list[Script]:
    """Parse the shipped starter list; raises ValueError on a malformed file."""
    try:
        rows = json.loads(json_text)
    except json.JSONDecodeError as error:
        raise ValueError(f"starter scripts are not valid JSON: {error}") from error
    if not isinstance(rows, list):
        raise ValueError("starter scripts must be a JSON list")
    scripts = []
    for row in rows:
        kind = ScriptKind(row["kind"])
        scripts.append(
            Script(
                name=str(row["name"]),
                kind=kind,
                target_s=float(row.get("target_s", kind.default_target_s)),
                text=clean_text(str(row["text"])),
            )
        )
    return scripts


def has_placeholders(text: str) -> bool:
    """Whether ``text`` still waits for the caller's name or number."""
    return NAME_PLACEHOLDER in text or NUMBER_PLACEHOLDER in text


def fill_in_details(text: str, profile: Profile) -> str:
    """``text`` with its placeholders replaced by the profile's name and number; a detail
    the profile lacks keeps its placeholder."""
    name, phone = " ".join(profile.name.split()), " ".join(profile.phone.split())
    if name:
        text = text.replace(NAME_PLACEHOLDER, name)
    if phone:
        text = text.replace(NUMBER_PLACEHOLDER, phone)
    return text


def opening_script_id(scripts: Sequence[Script], remembered_id: int | None) -> int | None:
    """The script to show at start: the one used last, else the oldest voicemail (the
    voicemail starter on a first run), else the first listed; None for an empty library."""
    ids = [script.id for script in scripts if script.id is not None]
    if remembered_id in ids:
        return remembered_id
    voicemails = [
        script.id for script in scripts if script.kind is ScriptKind.VOICEMAIL and script.id
    ]
    if voicemails:
        return min(voicemails)
    return ids[0] if ids else None
