import sys

from tidy.cli import main


def test_main_prints_each_file(tmp_path, capsys, monkeypatch) -> None:
    f = tmp_path / "a.txt"
    f.write_text("one two", encoding="utf-8")
    monkeypatch.setattr(sys, "argv", ["tidy", str(f)])
    assert main() == 0
    assert capsys.readouterr().out == f"{f}: 2\n"
