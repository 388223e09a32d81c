"""What Brevity runs on, and under which licences: read from the installed distributions.

Brevity's own metadata lists its runtime requirements (``Requires-Dist``, from
``pyproject.toml``); each of those lists its own, and so on. Following them through the
installed distributions (leaving out extras, and requirements whose environment marker does
not hold here) gives every third-party package a running Brevity loads, with the version and
licence its metadata states. Nothing here is a hand-kept list, so a new dependency shows up
in Help → About by itself. Qt-free, so that packaging tools can use it too.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass
from importlib import metadata
from typing import Any

from packaging.markers import InvalidMarker, Marker, UndefinedComparison, UndefinedEnvironmentName
from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name

ROOT_DISTRIBUTION = "brevity"
UNKNOWN_LICENCE = "not stated"
_LONG_LICENCE = 80  # a "License" field longer than this is the licence's text, not its name
_NAME = re.compile(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


@dataclass(frozen=True, slots=True)
class Component:
    """An installed distribution Brevity needs: its name as its metadata spells it."""

    name: str
    version: str
    licence: str


def canonical(name: str) -> str:
    """The name as package indexes compare names (PEP 503): ``PySide6_Essentials`` ->
    ``pyside6-essentials``."""
    return str(canonicalize_name(name))


def runtime_components(root: str = ROOT_DISTRIBUTION) -> list[Component]:
    """Every installed distribution ``root`` needs at run time, directly or not, by name;
    empty when ``root`` itself is not installed (a source tree that was never installed)."""
    found: dict[str, Component] = {}
    queue = deque([root])
    seen = {canonical(root)}
    while queue:
        try:
            distribution = metadata.distribution(queue.popleft())
        except metadata.PackageNotFoundError:
            continue  # not installed, so not running either
        name = distribution.metadata["Name"]
        if canonical(name) != canonical(root):
            found[canonical(name)] = Component(
                name, distribution.version, licence_of(distribution.metadata)
            )
        for requirement in distribution.requires or []:
            needed = runtime_requirement(requirement)
            if needed is not None and canonical(needed) not in seen:
                seen.add(canonical(needed))
                queue.append(needed)
    return sorted(found.values(), key=lambda c: canonical(c.name))


def licence_of(meta: Any) -> str:
    """The licence a distribution's metadata states: its SPDX ``License-Expression``, else a
    short ``License`` field, else its ``License ::`` classifiers."""
    expression = (meta.get("License-Expression") or "").strip()
    if expression:
        return str(expression)
    field = " ".join(str(meta.get("License") or "").split())
    if field and len(field) <= _LONG_LICENCE and field.upper() != "UNKNOWN":
        return field
    classifiers = [
        c.split("::")[-1].strip()
        for c in meta.get_all("Classifier") or []
        if c.startswith("License ::") and c.count("::") >= 1
    ]
    return " / ".join(dict.fromkeys(classifiers)) or UNKNOWN_LICENCE


def runtime_requirement(requirement: str) -> str | None:
    """The distribution a ``Requires-Dist`` line names, or None when it is only for an
    extra or for another environment (its marker does not hold here). A line ``packaging``
    cannot read is kept by its name, so that a package is listed rather than missed."""
    try:
        parsed = Requirement(requirement)
    except InvalidRequirement:
        match = _NAME.match(requirement)
        return match.group(1) if match else None
    if parsed.marker is not None and not marker_holds(str(parsed.marker)):
        return None
    return parsed.name


def marker_holds(marker: str) -> bool:
    """A PEP 508 environment marker, for this interpreter with no extra chosen; one that
    cannot be read is taken to hold, so that a package is listed rather than missed."""
    try:
        return Marker(marker).evaluate({"extra": ""})
    except (InvalidMarker, UndefinedComparison, UndefinedEnvironmentName):
        return True
