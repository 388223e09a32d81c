"""Python string indexes as Qt positions: the prompter's layout and the coach's marks agree."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor, QTextDocument

from app.ui.text_positions import to_qt_position, utf16_offsets


def test_ascii_and_bmp_text_has_no_astral_characters() -> None:
    assert utf16_offsets("Call me on 555-201-7788") == []
    assert utf16_offsets("Zoë Ødegård — café") == []


def test_each_astral_character_moves_later_positions_by_one() -> None:
    text = "Hi 👋🏽 it's Sam 📞 555"
    astral = utf16_offsets(text)
    assert astral == [3, 4, 15]
    document = QTextDocument(text)
    for index in range(len(text) + 1):
        cursor = QTextCursor(document)
        cursor.setPosition(to_qt_position(index, astral))
        cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
        assert cursor.selectedText() == text[index:]
