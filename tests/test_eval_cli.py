"""`quotes eval` refuses inputs that would make its figures wrong (issue 14, defect 6).

The checks live in quotes.evaluate (tests/test_evaluate.py); these run them through the
command. They wait for eval_cmd to call ``evaluate.load_gold`` (the change to cli.py handed to
the lead with the hygiene branch) and are skipped, saying so, until it does.
"""

from __future__ import annotations

import inspect
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotes import cli

PROJECT = Path(__file__).resolve().parents[1]
SEEDS = PROJECT / "seeds"
GOLD = SEEDS / "gold.jsonl"
DOC = "000_d6f77bd85ba13e0e.txt"

pytestmark = pytest.mark.skipif("load_gold" not in inspect.getsource(cli),
                                reason="quotes.cli does not use evaluate.load_gold/evaluate yet")


def run_eval(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli.main, ["eval", *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_same_file_name_twice_is_an_error_naming_both(tmp_path: Path) -> None:
    for folder, source in (("a", DOC), ("b", "001_3aac6772f4977325.txt")):
        (tmp_path / folder).mkdir()
        shutil.copy(SEEDS / source, tmp_path / folder / DOC)
    code, out, err = run_eval(str(GOLD), str(tmp_path / "a"), str(tmp_path / "b"))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and str(tmp_path / "a" / DOC) in err and str(tmp_path / "b" / DOC) in err


@pytest.mark.parametrize(("change", "said"), [({"end": 10**6}, "past the end"), ({"start": "abc"}, "'start'"),
                                              ({"speaker": None}, "'speaker'"), ({"doc": None}, "'doc'")])
def test_a_bad_gold_line_is_one_line_and_exit_2(tmp_path: Path, change: dict[str, object], said: str) -> None:
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows[1] = {k: v for k, v in {**rows[1], **change}.items() if v is not None}
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    code, out, err = run_eval(str(gold), str(SEEDS))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and f"{gold}:2: " in err and said in err and "Traceback" not in err


def test_gold_documents_missing_from_the_inputs_warn_and_fail(tmp_path: Path) -> None:
    code, out, err = run_eval(str(GOLD), str(SEEDS / DOC))
    assert code == 1
    assert "gold documents not among PATH" in err
    assert "quote P/R/F1 " in out  # scored on what was there
