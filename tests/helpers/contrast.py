"""Text contrast as a user sees it: WCAG 2 relative luminance, on the real widgets.

The foreground of a text is what Qt paints it with: the widget's palette (which a style sheet
``color`` sets too) in the colour group it is drawn in, or an item's ``ForegroundRole``. The
background is what is really behind it: the most common colour of the rendered window inside
the text's rectangle, so a frozen or wrong palette cannot hide a dark-on-dark label.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, QPoint, QRect, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QTabBar,
    QTextEdit,
    QToolButton,
    QWidget,
)

AA_BODY = 4.5  # WCAG 2.x AA, normal text
AA_LARGE = 3.0  # 18 pt and more, or 14 pt bold
MAX_ITEM_ROWS = 40  # the rows of a view that are checked (the visible ones, at most this many)


def relative_luminance(colour: QColor) -> float:
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * linear(colour.redF())
        + 0.7152 * linear(colour.greenF())
        + 0.0722 * linear(colour.blueF())
    )


def contrast_ratio(first: QColor, second: QColor) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def over(foreground: QColor, background: QColor) -> QColor:
    """``foreground`` (maybe translucent) painted on an opaque ``background``."""
    alpha = foreground.alphaF()
    return QColor.fromRgbF(
        foreground.redF() * alpha + background.redF() * (1 - alpha),
        foreground.greenF() * alpha + background.greenF() * (1 - alpha),
        foreground.blueF() * alpha + background.blueF() * (1 - alpha),
    )


def is_large(font: QFont) -> bool:
    points = font.pointSizeF() if font.pointSizeF() > 0 else font.pixelSize() * 0.75
    return points >= 18 or (points >= 14 and font.bold())


@dataclass(frozen=True)
class TextSample:
    """One piece of text on screen and the two colours it is seen in."""

    where: str  # class, object or accessible name, and the text: enough to find it
    foreground: QColor
    background: QColor
    large: bool

    @property
    def ratio(self) -> float:
        return contrast_ratio(over(self.foreground, self.background), self.background)

    @property
    def passes(self) -> bool:
        return self.ratio >= (AA_LARGE if self.large else AA_BODY)

    def __str__(self) -> str:
        return (
            f"{self.where}: {self.foreground.name(QColor.NameFormat.HexArgb)} on "
            f"{self.background.name()} = {self.ratio:.2f}:1"
        )


class Screen:
    """One rendering of ``window``; finds the background behind any of its widgets' rects."""

    def __init__(self, window: QWidget) -> None:
        self.window = window
        self.image: QImage = window.grab().toImage()
        self.scale = self.image.width() / max(1, window.width())

    def background(self, widget: QWidget, rect: QRect | None = None) -> QColor:
        """The most common colour inside ``rect`` (widget coordinates; all of it if None).

        Colours are counted in coarse buckets, so a gradient (a Fusion button's face) counts
        as one colour and not as many that each lose to a one-colour outline; the answer is
        the mean of the winning bucket."""
        area = rect if rect is not None else widget.rect()
        area = area.intersected(widget.rect())
        area = area.translated(widget.mapTo(self.window, QPoint(0, 0)))
        buckets: dict[int, list[int]] = {}
        step = max(1, min(area.width(), area.height()) // 24)
        for y in range(area.top(), area.bottom() + 1, step):
            for x in range(area.left(), area.right() + 1, step):
                px, py = int(x * self.scale), int(y * self.scale)
                if 0 <= px < self.image.width() and 0 <= py < self.image.height():
                    rgb = self.image.pixel(px, py)
                    buckets.setdefault(rgb & 0xF0F0F0, []).append(rgb)
        if not buckets:
            return QColor(self.image.pixel(0, 0))
        pixels = max(buckets.values(), key=len)
        channels = [[(rgb >> shift) & 0xFF for rgb in pixels] for shift in (16, 8, 0)]
        red, green, blue = (round(sum(channel) / len(pixels)) for channel in channels)
        return QColor(red, green, blue)


def _group(widget: QWidget) -> QPalette.ColorGroup:
    return QPalette.ColorGroup.Active if widget.isActiveWindow() else QPalette.ColorGroup.Inactive


def _name(widget: QWidget, text: str) -> str:
    label = widget.objectName() or widget.accessibleName()
    short = " ".join(text.split())[:50]
    return f"{type(widget).__name__}({label!r}) {short!r}"


def text_samples(screen: Screen) -> list[TextSample]:
    """Every piece of text the user can see in ``screen.window`` (enabled widgets only:
    WCAG exempts disabled controls), with its colours."""
    samples: list[TextSample] = []
    for widget in [screen.window, *screen.window.findChildren(QWidget)]:
        if not widget.isVisible() or not widget.isEnabled() or widget.visibleRegion().isEmpty():
            continue
        if widget.window() is not screen.window:
            continue
        samples.extend(_widget_samples(screen, widget))
    return samples


def _widget_samples(screen: Screen, widget: QWidget) -> list[TextSample]:
    palette, group = widget.palette(), _group(widget)
    large = is_large(widget.font())

    def sample(text: str, role: QPalette.ColorRole, rect: QRect | None = None) -> TextSample:
        colour = palette.color(group, role)
        return TextSample(_name(widget, text), colour, screen.background(widget, rect), large)

    if isinstance(widget, QLabel) and widget.text().strip():
        return [sample(widget.text(), widget.foregroundRole(), widget.contentsRect())]
    if isinstance(widget, QToolButton) and (
        widget.toolButtonStyle() is Qt.ToolButtonStyle.ToolButtonIconOnly
    ):
        return []  # its text is only the tooltip
    box = isinstance(widget, (QCheckBox, QRadioButton))
    if isinstance(widget, QAbstractButton) and widget.isChecked() and not box:
        return [_inked_sample(screen, widget, widget.text(), large)]  # :checked colours
    if isinstance(widget, QAbstractButton) and widget.text().strip():
        if isinstance(widget, (QCheckBox, QRadioButton)):
            return [sample(widget.text(), QPalette.ColorRole.WindowText)]
        face = widget.rect().adjusted(3, 3, -3, -3)  # inside the outline: text on the bevel
        return [sample(widget.text(), QPalette.ColorRole.ButtonText, face)]
    if isinstance(widget, QLineEdit):
        if widget.text():
            return [sample(widget.text(), QPalette.ColorRole.Text)]
        if widget.placeholderText():
            return [sample(widget.placeholderText(), QPalette.ColorRole.PlaceholderText)]
        return []
    if isinstance(widget, QComboBox) and widget.currentText():
        role = QPalette.ColorRole.Text if widget.isEditable() else QPalette.ColorRole.ButtonText
        return [sample(widget.currentText(), role)]
    if isinstance(widget, (QPlainTextEdit, QTextEdit)) and widget.toPlainText().strip():
        viewport = widget.viewport()
        colour = palette.color(group, QPalette.ColorRole.Text)
        background = screen.background(viewport)
        return [TextSample(_name(widget, widget.toPlainText()), colour, background, large)]
    if isinstance(widget, QTabBar):
        return [
            sample(widget.tabText(i), QPalette.ColorRole.WindowText, widget.tabRect(i))
            for i in range(widget.count())
        ]
    if isinstance(widget, QHeaderView):
        return _header_samples(screen, widget)
    if isinstance(widget, QAbstractItemView):
        return _item_samples(screen, widget)
    return []


def _inked_sample(screen: Screen, widget: QWidget, text: str, large: bool) -> TextSample:
    """Colours read off the screen: the commonest pixel inside the bevel is the background,
    the one that differs most from it is the ink (anti-aliasing can only understate it)."""
    inside = widget.rect().adjusted(5, 5, -5, -5)
    background = screen.background(widget, inside)
    origin = widget.mapTo(screen.window, QPoint(0, 0))
    ink, best = background, 1.0
    for y in range(inside.top(), inside.bottom() + 1):
        for x in range(inside.left(), inside.right() + 1):
            px, py = int((x + origin.x()) * screen.scale), int((y + origin.y()) * screen.scale)
            colour = QColor(screen.image.pixel(px, py))
            if (ratio := contrast_ratio(colour, background)) > best:
                ink, best = colour, ratio
    return TextSample(_name(widget, text) + " (read off the screen)", ink, background, large)


def _header_samples(screen: Screen, header: QHeaderView) -> list[TextSample]:
    model = header.model()
    if model is None or header.orientation() is not Qt.Orientation.Horizontal:
        return []
    colour = header.palette().color(_group(header), QPalette.ColorRole.ButtonText)
    samples = []
    for section in range(header.count()):
        if header.isSectionHidden(section) or header.sectionSize(section) == 0:
            continue
        text = str(model.headerData(section, Qt.Orientation.Horizontal) or "")
        rect = QRect(header.sectionViewportPosition(section), 0, header.sectionSize(section),
                     header.height())  # fmt: skip
        background = screen.background(header, rect)
        samples.append(TextSample(_name(header, text), colour, background, False))
    return samples


def _item_samples(screen: Screen, view: QAbstractItemView) -> list[TextSample]:
    model, viewport = view.model(), view.viewport()
    if model is None:
        return []
    palette, group = view.palette(), _group(view)
    selection = view.selectionModel()
    samples = []
    for row in range(min(model.rowCount(QModelIndex()), MAX_ITEM_ROWS)):
        for column in range(_columns(model)):
            index = model.index(row, column, QModelIndex())
            text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
            rect = view.visualRect(index).intersected(viewport.rect())
            if not text or rect.isEmpty() or viewport.visibleRegion().isEmpty():
                continue
            selected = selection is not None and selection.isSelected(index)
            brush = index.data(Qt.ItemDataRole.ForegroundRole)
            if selected:
                colour = palette.color(group, QPalette.ColorRole.HighlightedText)
            elif isinstance(brush, QBrush | QColor):
                colour = QBrush(brush).color()
            else:
                colour = palette.color(group, QPalette.ColorRole.Text)
            background = screen.background(viewport, rect)
            samples.append(TextSample(_name(view, text), colour, background, False))
    return samples


def _columns(model: QAbstractItemModel) -> int:
    # A list model's columnCount() is private in C++: it has one column.
    return 1 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex())


def failures(window: QWidget) -> list[str]:
    """Every text in ``window`` below WCAG AA, described; empty when all pass."""
    return [str(sample) for sample in text_samples(Screen(window)) if not sample.passes]
