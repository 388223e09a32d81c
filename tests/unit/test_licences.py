"""The licence table's source: requirements followed through the installed metadata."""

from __future__ import annotations

import platform
import sys
from email.message import Message

import pytest

from app.licences import (
    UNKNOWN_LICENCE,
    canonical,
    licence_of,
    marker_holds,
    runtime_components,
    runtime_requirement,
)


def _metadata(**fields: str | list[str]) -> Message:
    meta = Message()
    for key, value in fields.items():
        for item in value if isinstance(value, list) else [value]:
            meta[key.replace("_", "-")] = item
    return meta


def test_the_spdx_expression_comes_first() -> None:
    meta = _metadata(License_Expression="MIT", License="Whatever",
                     Classifier="License :: OSI Approved :: BSD License")  # fmt: skip
    assert licence_of(meta) == "MIT"


def test_a_licence_text_in_the_license_field_gives_way_to_the_classifiers() -> None:
    text = "Copyright (c) 2005 Someone\n\nPermission is hereby granted, free of charge, " * 3
    meta = _metadata(License=text, Classifier=[
        "Programming Language :: Python", "License :: OSI Approved :: BSD License"])  # fmt: skip
    assert licence_of(meta) == "BSD License"
    assert licence_of(_metadata(License="GPLv3")) == "GPLv3"
    assert licence_of(_metadata(License="UNKNOWN")) == UNKNOWN_LICENCE
    assert licence_of(_metadata()) == UNKNOWN_LICENCE


@pytest.mark.parametrize(
    ("requirement", "name"),
    [
        ("PySide6-Essentials>=6.6", "PySide6-Essentials"),
        ("importlib-metadata (>=5.1,<7.0)", "importlib-metadata"),
        ("zipp >=0.5", "zipp"),
        ('pytest>=8; extra == "test"', None),
        ('typing-extensions >=3.6.4 ; python_version < "3.8"', None),
        ("colorama; platform_system == 'Nowhere'", None),
        ('pytest-ruff>=0.2.1; sys_platform != "cygwin" and extra == "check"', None),
        ('pytest-mypy; (platform_python_implementation != "PyPy") and extra == "type"', None),
        (f'tomli; python_version >= "{sys.version_info[0]}.{sys.version_info[1]}"', "tomli"),
        (f'x; platform_system == "{platform.system()}" or extra == "doc"', "x"),
    ],
)
def test_requirements_for_extras_and_other_environments_are_left_out(
    requirement: str, name: str | None
) -> None:
    assert runtime_requirement(requirement) == name


def test_a_marker_it_cannot_read_lists_the_package_rather_than_missing_it() -> None:
    assert marker_holds('some_new_variable == "1"')
    assert marker_holds("python_version <")
    assert not marker_holds('python_version < "3.10" and os_name == "nt"')
    assert marker_holds('"linux" in sys_platform or sys_platform not in "linux"')
    assert not marker_holds('python_full_version === "2.7.18"')


def test_the_components_follow_the_requirements_through_the_installed_metadata() -> None:
    names = {canonical(c.name) for c in runtime_components()}
    assert {"pyside6-essentials", "shiboken6", "sqlite-utils", "click", "webrtcvad-wheels"} <= (
        names
    )
    assert "brevity" not in names and "pytest" not in names
    assert runtime_components("no-such-distribution-here") == []
