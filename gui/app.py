"""Application setup: the QApplication, the bundled Arabic font, and ``run_app``.

``quotes review`` calls ``run_app(db_path, reviewer=..., screenshot=...)`` and exits with its
return value. With ``screenshot`` the main window is rendered on the current quote to a PNG
(works under ``QT_QPA_PLATFORM=offscreen``) and the function returns without an event loop.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from quotes.store import Store, StoreError

RESOURCES = Path(__file__).resolve().parent / "resources"
ARTICLE_FAMILY = "Noto Naskh Arabic"
# The GUI waits at most this long for a writer (the bulk extractor commits one article per
# transaction, far shorter); beyond it the decision is kept in memory and retried (see history.py).
BUSY_TIMEOUT_S = 5.0
SCREENSHOT_SIZE = (1440, 900)

_fonts_loaded = False


def load_fonts() -> list[str]:
    """Register the bundled Noto Naskh Arabic (OFL, see resources/OFL.txt); returns the font
    families to use for Arabic text, bundled first, so screenshots look the same everywhere."""
    global _fonts_loaded
    if not _fonts_loaded:
        for ttf in sorted(RESOURCES.glob("*.ttf")):
            QFontDatabase.addApplicationFont(str(ttf))
        _fonts_loaded = True
    families = []
    if ARTICLE_FAMILY in QFontDatabase.families():
        families.append(ARTICLE_FAMILY)
    # Noto Naskh has no Latin letters: Latin names fall back to the platform's UI font.
    families.append(QApplication.font().family() if QApplication.instance() else "DejaVu Sans")
    return families


def arabic_font(point_size: float | None = None) -> QFont:
    font = QFont(QApplication.font())
    font.setFamilies(load_fonts())
    if point_size:
        font.setPointSizeF(point_size)
    return font


def ensure_app(argv: list[str] | None = None) -> QApplication:
    """The QApplication, created once (pytest-qt and the benchmark may have made it already)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else [sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setApplicationName("quotes review")
    app.setOrganizationName("quotes")
    load_fonts()
    return app


# What Qt's xcb platform plugin links against, with the Debian/Ubuntu package of each. Since
# Qt 6.5 the plugin fails to load without xcb-cursor, and the PySide6 wheels do not bundle it,
# nor icccm or keysyms, which minimal installs (containers, WSL, servers with X forwarding) lack.
XCB_LIBRARIES = (
    ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxcb-image.so.0", "libxcb-image0"),
    ("libxcb-render-util.so.0", "libxcb-render-util0"),
    ("libxcb-shape.so.0", "libxcb-shape0"),
    ("libxcb-randr.so.0", "libxcb-randr0"),
    ("libxcb-xkb.so.1", "libxcb-xkb1"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libX11-xcb.so.1", "libx11-xcb1"),
)


def _loadable(soname: str) -> bool:
    """Whether the dynamic loader finds ``soname``: what Qt itself will do. (find_library
    needs ldconfig or a compiler to answer, and says "missing" where neither is installed.)"""
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def missing_platform_libraries() -> list[tuple[str, str]]:
    """(library, package) for each library Qt's X11 plugin needs but cannot load, when the app
    would open on X11 (Linux, a DISPLAY, QT_QPA_PLATFORM unset or xcb); otherwise none."""
    if not sys.platform.startswith("linux") or not os.environ.get("DISPLAY"):
        return []
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return []
    if not platform and os.environ.get("WAYLAND_DISPLAY"):
        return []  # Qt prefers its Wayland plugin there
    return [(lib, package) for lib, package in XCB_LIBRARIES if not _loadable(lib)]


def open_store(db_path: str | Path) -> Store:
    # create=False: a mistyped --db must say so, not open an empty queue.
    return Store.open(db_path, create=False, timeout=BUSY_TIMEOUT_S)


def run_app(db_path: str | Path, *, reviewer: str | None = None, screenshot: str | Path | None = None,
            settings: QSettings | None = None) -> int:
    """Open the review window on ``db_path``; returns the process exit code.

    Without ``reviewer`` the name remembered on this machine is used, asked for on the first
    start (``gui.reviewer``); ``settings`` replaces the machine's QSettings (tests)."""
    missing = missing_platform_libraries()
    if missing:
        # Qt would abort the process (exit 134) with advice to reinstall the application.
        packages = " ".join(dict.fromkeys(package for _, package in missing))
        print(f"quotes: the review app needs system libraries that are missing "
              f"({', '.join(lib for lib, _ in missing)}): sudo apt-get install {packages} "
              "(or your system's equivalent), or render the window with --screenshot FILE.png", file=sys.stderr)
        return 2
    app = ensure_app()
    try:
        store = open_store(db_path)
    except StoreError as exc:
        print(f"quotes: {exc}", file=sys.stderr)
        return 2
    for problem in store.problems:  # a damaged file: say what the checks on open found and did
        print(f"quotes: {problem}", file=sys.stderr)
    from .main_window import MainWindow  # after the QApplication exists
    from .reviewer import ask_name, reviewer_name

    settings = settings if settings is not None else QSettings()
    if not reviewer:
        # A screenshot runs unattended: no prompt, the remembered name or a placeholder.
        reviewer = reviewer_name(settings, (lambda: None) if screenshot else ask_name) or (
            "reviewer" if screenshot else None)
    if not reviewer:
        print("quotes: no reviewer name given: the review log needs one (type it when asked, "
              "or pass --reviewer NAME)", file=sys.stderr)
        store.close()
        return 2
    window = MainWindow(store, reviewer=reviewer, settings=settings)
    try:
        if screenshot:
            return 0 if save_screenshot(window, screenshot) else 1
        window.show()
        # Let Ctrl+C in the terminal close the app: Python only runs signal handlers between
        # bytecodes, so wake the interpreter up regularly.
        signal.signal(signal.SIGINT, lambda *_: window.close())
        waker = QTimer()
        waker.start(300)
        waker.timeout.connect(lambda: None)
        return int(app.exec())
    finally:
        window.shutdown()
        store.close()


def save_screenshot(window: object, path: str | Path) -> bool:
    """Render ``window`` at a fixed size on its current quote and save it as PNG."""
    from .main_window import MainWindow

    assert isinstance(window, MainWindow)
    app = QApplication.instance()
    assert app is not None
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    for _ in range(3):
        app.processEvents()
    window.article.scroll_to_current()  # the viewport has its final size only now
    app.processEvents()
    ok = window.grab().save(str(path), "PNG")
    if not ok:
        print(f"quotes: {path}: cannot write the screenshot (check the folder exists and is writable)",
              file=sys.stderr)
    window.hide()
    return ok
