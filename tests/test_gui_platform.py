"""The app on a Linux desktop without the X11 libraries Qt needs (issue 14): a one-line fix
and exit 2, instead of Qt's abort (exit 134) telling the user to reinstall."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import gui.app as app_module
from quotes.store import Store

PROJECT = Path(__file__).resolve().parents[1]


@pytest.fixture
def x11(monkeypatch: pytest.MonkeyPatch) -> None:
    """A desktop session on X11, whatever this test machine has."""
    monkeypatch.setattr(app_module.sys, "platform", "linux")
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)


def without(*missing: str):
    return lambda soname: soname not in missing


def test_missing_xcb_cursor_is_named_with_its_package(x11: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(app_module, "_loadable", without("libxcb-cursor.so.0"))
    assert app_module.missing_platform_libraries() == [("libxcb-cursor.so.0", "libxcb-cursor0")]
    monkeypatch.setattr(app_module, "_loadable", without("libxcb-icccm.so.4", "libxcb-keysyms.so.1"))
    assert [p for _, p in app_module.missing_platform_libraries()] == ["libxcb-icccm4", "libxcb-keysyms1"]
    monkeypatch.setattr(app_module, "_loadable", without())
    assert app_module.missing_platform_libraries() == []


@pytest.mark.parametrize("env", [{"QT_QPA_PLATFORM": "offscreen"}, {"QT_QPA_PLATFORM": "wayland"},
                                 {"DISPLAY": ""}, {"WAYLAND_DISPLAY": "wayland-0"}])
def test_no_check_where_qt_will_not_use_x11(x11: None, monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> None:
    monkeypatch.setattr(app_module, "_loadable", without("libxcb-cursor.so.0"))
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert app_module.missing_platform_libraries() == []
    if "DISPLAY" not in env:  # asking for xcb explicitly is checked, even on a Wayland desktop
        monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
        assert app_module.missing_platform_libraries() == [("libxcb-cursor.so.0", "libxcb-cursor0")]


def test_run_app_prints_the_fix_and_exits_2(x11: None, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    monkeypatch.setattr(app_module, "_loadable", without("libxcb-cursor.so.0"))
    monkeypatch.setattr(app_module, "ensure_app", lambda: pytest.fail("no QApplication may be created"))
    Store.open(tmp_path / "q.db").close()
    assert app_module.run_app(tmp_path / "q.db", reviewer="amal") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "libxcb-cursor.so.0" in err
    assert "sudo apt-get install libxcb-cursor0 " in err


def test_quotes_review_exits_2_not_134(tmp_path: Path) -> None:
    # The whole command in a process of its own, as a user runs it, with the loader's answer faked.
    db = tmp_path / "q.db"
    Store.open(db).close()
    code = ("import sys, gui.app as a; a._loadable = lambda s: s != 'libxcb-cursor.so.0'; "
            "from quotes.cli import main; main(['review', '--db', sys.argv[1]])")
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env.update(DISPLAY=":0", PYTHONPATH=str(PROJECT))
    out = subprocess.run([sys.executable, "-c", code, str(db)], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 2, out.stderr
    assert "apt-get install libxcb-cursor0" in out.stderr
