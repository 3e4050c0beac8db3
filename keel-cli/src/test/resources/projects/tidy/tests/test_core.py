from tidy.core import count_words


def test_counts_words() -> None:
    assert count_words("a b  c") == 3


def test_empty_text_has_no_words() -> None:
    assert count_words("") == 0
