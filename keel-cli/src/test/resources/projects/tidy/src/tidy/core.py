"""Word counting."""


def count_words(text: str) -> int:
    """Return the number of whitespace-separated words in text."""
    return len(text.split())
