"""What Brevity runs on, and under which licences: read from the installed distributions.

Brevity's own metadata lists its runtime requirements (``Requires-Dist``, from
``pyproject.toml``); each of those lists its own, and so on. Following them through the
installed distributions (leaving out extras, and requirements whose environment marker does
not hold here) gives every third-party package a running Brevity loads, with the version and
licence its metadata states. Nothing here is a hand-kept list, so a new dependency shows up
in Help → About by itself. Qt-free, so that packaging tools can use it too.
"""

from __future__ import annotations

import os
import platform
import re
import sys
from collections import deque
from dataclasses import dataclass
from importlib import metadata
from typing import Any

ROOT_DISTRIBUTION = "brevity"
UNKNOWN_LICENCE = "not stated"
_LONG_LICENCE = 80  # a "License" field longer than this is the licence's text, not its name
_NAME = re.compile(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
_MARKER_TOKEN = re.compile(r"\s*(\(|\)|===|[=!<>~]=|[<>]|\band\b|\bor\b|\bnot in\b|\bin\b|"
                           r"'[^']*'|\"[^\"]*\"|[A-Za-z_.]+)")  # fmt: skip


@dataclass(frozen=True, slots=True)
class Component:
    """An installed distribution Brevity needs: its name as its metadata spells it."""

    name: str
    version: str
    licence: str


def canonical(name: str) -> str:
    """The name as package indexes compare names (PEP 503): ``PySide6_Essentials`` ->
    ``pyside6-essentials``."""
    return re.sub(r"[-_.]+", "-", name).lower()


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
    extra or for another environment (its marker does not hold here)."""
    match = _NAME.match(requirement)
    if match is None:
        return None
    _, _, marker = requirement.partition(";")
    if marker.strip() and not marker_holds(marker):
        return None
    return match.group(1)


def marker_holds(marker: str) -> bool:
    """Evaluate a PEP 508 environment marker for this interpreter, with no extra chosen.
    Understands ``and``, ``or``, parentheses and comparisons; what it cannot read is taken
    to hold, so that a package is listed rather than missed."""
    tokens = [t.strip() for t in _MARKER_TOKEN.findall(marker)]
    try:
        holds, rest = _or(tokens)
    except (IndexError, ValueError):
        return True
    return holds if not rest else True


def _or(tokens: list[str]) -> tuple[bool, list[str]]:
    holds, tokens = _and(tokens)
    while tokens and tokens[0] == "or":
        right, tokens = _and(tokens[1:])
        holds = holds or right
    return holds, tokens


def _and(tokens: list[str]) -> tuple[bool, list[str]]:
    holds, tokens = _atom(tokens)
    while tokens and tokens[0] == "and":
        right, tokens = _atom(tokens[1:])
        holds = holds and right
    return holds, tokens


def _atom(tokens: list[str]) -> tuple[bool, list[str]]:
    if tokens[0] == "(":
        holds, rest = _or(tokens[1:])
        if not rest or rest[0] != ")":
            raise ValueError("unbalanced parentheses")
        return holds, rest[1:]
    left, operator, right = tokens[:3]
    return _compare(_value(left), operator, _value(right)), tokens[3:]


def _value(token: str) -> str:
    if token[:1] in "'\"":
        return token[1:-1]
    environment = {
        "python_version": ".".join(platform.python_version_tuple()[:2]),
        "python_full_version": platform.python_version(),
        "sys_platform": sys.platform,
        "platform_system": platform.system(),
        "platform_machine": platform.machine(),
        "platform_python_implementation": platform.python_implementation(),
        "implementation_name": sys.implementation.name,
        "os_name": os.name,
        "extra": "",  # the app runs with no extra
    }
    if token not in environment:
        raise ValueError(f"unknown marker variable {token}")
    return environment[token]


def _compare(left: str, operator: str, right: str) -> bool:
    if operator in ("in", "not in"):
        return (left in right) == (operator == "in")
    if operator == "===":
        return left == right
    if re.fullmatch(r"[\d.]+", left) and re.fullmatch(r"[\d.]+(\.\*)?", right):
        order = _order(_version(left), _version(right.removesuffix(".*")))
    else:
        order = _order(left, right)
    return order in _OPERATORS[operator]


_OPERATORS = {"==": {0}, "!=": {-1, 1}, "<": {-1}, "<=": {-1, 0}, ">": {1}, ">=": {0, 1},
              "~=": {0, 1}}  # fmt: skip


def _order(left: tuple[int, ...] | str, right: tuple[int, ...] | str) -> int:
    return (left > right) - (left < right)  # type: ignore[operator]


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(".") if part)
