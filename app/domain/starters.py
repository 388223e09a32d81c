"""Starter scripts shipped in ``data/starter_scripts.json``, parsed into Script values."""

from __future__ import annotations

import json

from app.domain.script import Script, ScriptKind, clean_text


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
