"""Fusion style with a light or dark palette, and the colours the rehearsal views share.

Every widget takes its colours from the application palette. The few style-sheet rules
(layout details, the coach's frames, the checked outcome buttons) are one application style
sheet, ``resources/styles/brevity.qss``, applied again after each palette change: a sheet
set on a single widget would keep that widget in the palette it was first polished with.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QWidget

from app.domain.countdown import Phase
from app.resources import icon_path, resource_path
from app.ui.outcome_style import OUTCOME_STYLES, readable_ink
from app.ui.settings import Theme

ACCENT = QColor("#0f766e")  # the teal of the app icon

# Countdown bands: calm, amber for the last stretch, red past the target.
PHASE_COLOURS: dict[Phase, QColor] = {
    Phase.IDLE: QColor("#475569"),
    Phase.LEAD_IN: QColor("#475569"),
    Phase.WAITING: QColor("#475569"),
    Phase.CALM: QColor("#0f766e"),
    Phase.CLOSING: QColor("#b45309"),
    Phase.OVERTIME: QColor("#b91c1c"),
    Phase.STOPPED: QColor("#334155"),
}
FLASH_COLOUR = QColor("#ef4444")


def _dark_palette() -> QPalette:
    palette = QPalette()
    window, base, text = QColor("#1e2227"), QColor("#16191d"), QColor("#e6e6e6")
    roles = {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: QColor("#22262b"),
        QPalette.ColorRole.ToolTipBase: QColor("#2b3036"),
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: QColor("#2a2f35"),
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.BrightText: QColor("#ffffff"),
        QPalette.ColorRole.Highlight: ACCENT,  # white on it reads at 5.5:1, and Fusion's
        QPalette.ColorRole.HighlightedText: QColor("#ffffff"),  # default button tint too
        QPalette.ColorRole.Link: QColor("#5eead4"),
        QPalette.ColorRole.PlaceholderText: QColor("#8a9199"),
        QPalette.ColorRole.Mid: QColor("#3a4047"),
    }
    for role, colour in roles.items():
        palette.setColor(role, colour)
    disabled = QColor("#6b7178")
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.WindowText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def _light_palette() -> QPalette:
    palette = QApplication.style().standardPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#f4f5f7"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#f7f8fa"))
    palette.setColor(QPalette.ColorRole.Highlight, ACCENT)
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    # Fusion's placeholder is the text at half strength: 4.1:1 on the window, below AA.
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor("#5f6368"))
    return palette


def system_prefers_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def apply_theme(app: QApplication, theme: Theme) -> bool:
    """Apply Fusion with the chosen palette, then the style sheet again so every widget is
    polished with the new colours; returns True when the result is dark."""
    app.setStyle("Fusion")
    dark = theme is Theme.DARK or (theme is Theme.SYSTEM and system_prefers_dark())
    app.setPalette(_dark_palette() if dark else _light_palette())
    app.setStyleSheet(application_style_sheet(dark))
    return dark


@cache
def _shipped_sheet() -> str:
    """``resources/styles/brevity.qss``, read once: it is re-applied at every theme change."""
    return resource_path("resources", "styles", "brevity.qss").read_text(encoding="utf-8")


def application_style_sheet(dark: bool) -> str:
    """The shipped sheet, the checked outcome buttons in their outcome's colour, and the
    coach's budget in the theme's warning colour when the text is over (``over`` property).

    A colour that is a widget's own goes here too, not into its palette: re-applying the
    sheet puts back the palette each widget had when it was last polished."""
    sheet = _shipped_sheet()
    rules = [
        f'QPushButton[outcome="{outcome.value}"]:checked {{ background: {style.colour_hex}; '
        f"color: {readable_ink(style.colour)}; border-color: transparent; }}"
        for outcome, style in OUTCOME_STYLES.items()
    ]
    warning = coach_colour("warning", dark).name()
    rules.append(f'QLabel#coachBudget[over="true"] {{ color: {warning}; }}')
    amber = PHASE_COLOURS[Phase.CLOSING].name()  # the countdown's "wrap up" colour
    rules.append(
        f"QLabel#paceWarning {{ background: {amber}; color: white; border-radius: 6px;"
        " padding: 6px 12px; }"
    )
    return "\n".join([sheet, *rules])


def set_style_flag(widget: QWidget, name: str, value: bool) -> None:
    """Set a property the style sheet selects on, and polish ``widget`` again if it changed
    (Qt does not re-read a sheet when a property changes)."""
    if widget.property(name) != value:
        widget.setProperty(name, value)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


ICON_INK = "#5f6368"  # the stroke colour the line icons are drawn with
ICON_INK_DARK = "#c9cdd2"


def line_icon(name: str, dark: bool, ink: QColor | None = None) -> QIcon:
    """A toolbar icon, its ink lightened on a dark palette so it keeps its contrast
    (or drawn in ``ink``, e.g. a severity colour from ``coach_colour``)."""
    svg = icon_path(name).read_text(encoding="utf-8")
    if ink is not None:
        svg = svg.replace(ICON_INK, ink.name())
    elif dark:
        svg = svg.replace(ICON_INK, ICON_INK_DARK)
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    icon = QIcon()
    for size in (16, 24, 32, 48):
        pixmap = QPixmap(size, size)
        pixmap.fill(QColor(0, 0, 0, 0))
        painter = QPainter(pixmap)
        renderer.render(painter)
        painter.end()
        icon.addPixmap(pixmap)
    return icon


# The script coach: calm colours that say "look here", lighter on a dark palette. A failing
# check is amber (the countdown's closing colour), never alarm red; shape tells the rest.
_COACH_COLOURS: dict[str, tuple[str, str]] = {  # severity: (light palette, dark palette)
    "error": ("#c2410c", "#fb923c"),
    "warning": ("#b45309", "#fbbf24"),
    "tip": ("#2563eb", "#60a5fa"),
    "number": ("#0f766e2e", "#14b8a63d"),  # #RRGGBBAA: the number zone's faint background
}


def coach_colour(key: str, dark: bool) -> QColor:
    """Underline colour for a finding's severity ("error", "warning", "tip") or "number"."""
    light_hex, dark_hex = _COACH_COLOURS.get(key, _COACH_COLOURS["warning"])
    value = dark_hex if dark else light_hex
    if len(value) == 9:  # QColor reads #AARRGGBB, so place the alpha by hand
        colour = QColor(value[:7])
        colour.setAlpha(int(value[7:], 16))
        return colour
    return QColor(value)
